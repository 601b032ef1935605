import type { Db } from "../db/client";
import { mediaStorage } from "../media/storage";
import { preferencesToApi } from "../profiles/api-shape";
import { readOwnProfile } from "./get-profile";

/**
 * The old API's login answer for a freshly issued token, byte for byte the old keys in the
 * old order, then what the live frontend reads from it: it keeps this answer as its `user`
 * until a reload (user_id for Accept/Deny on guide requests, the avatar, `locale` to switch
 * its language, `preferences`). One shape for the password login, its second step and the
 * magic-link exchange.
 */
export async function loginAnswer(db: Db, userId: number, token: string): Promise<Record<string, unknown>> {
  const profile = await readOwnProfile(db, userId);
  return {
    token,
    id: userId,
    username: profile.username,
    email: profile.email ?? "", // the old API's blank email, for an account imported without one
    role: profile.role,
    active_guide: profile.activeGuide,
    user_id: userId,
    profile_image_url: profile.details.profileImage ? mediaStorage().url(profile.details.profileImage) : null,
    locale: profile.details.locale,
    preferences: preferencesToApi(profile.preference),
  };
}
