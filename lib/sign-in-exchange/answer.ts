import type { Db } from "../db/client";
import { preferencesToApi } from "../profiles/api-shape";
import { getOwnProfile } from "../users/get-profile";

/** The old API's login answer (app/api/users/login/route.ts) for a token the exchange issued. */
export async function loginAnswer(db: Db, userId: number, token: string) {
  const profile = await getOwnProfile(db, userId);
  return {
    token,
    id: userId,
    username: profile.username,
    email: profile.email ?? "",
    role: profile.role,
    active_guide: profile.activeGuide,
    locale: profile.details.locale,
    preferences: preferencesToApi(profile.preference),
  };
}
