import type { Db } from "../db/client";
import type { Profile } from "../db/generated/client";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import type { PreferenceView } from "../profiles/preferences-row";
import { noProfile, ownProfileColumns, toOwnProfile } from "./own-profile-row";
import type { Role } from "./register-schema";

export interface OwnProfile {
  id: number;
  username: string;
  /** null: no usable email (imported from Django); staff can set one. */
  email: string | null;
  isStaff: boolean;
  dateJoined: Date;
  role: Role;
  bio: string | null;
  displayName: string | null;
  firstName: string | null;
  lastName: string | null;
  activeGuide: boolean;
  canInviteTeachers: boolean;
  /** The address was proven (issue 11); changing it un-proves it. */
  emailVerified: boolean;
  /** The whole profile row: teacher page, images, links, scores, locale, mail flags. */
  details: Profile;
  /** The table's defaults while the user has no preference row yet. */
  preference: PreferenceView;
}

/** The signed-in user's own account and profile (the /account page, GET /api/users/profile/). Takes no input. */
export async function getOwnProfile(_input: unknown, ctx: UseCaseContext): Promise<OwnProfile> {
  return readOwnProfile(ctx.db, requireSignedIn(ctx).id);
}

/**
 * The account and profile of a user already authenticated by the caller (the login answer,
 * the profile route's fallback): one statement (the columns: ./own-profile-row.ts, also read
 * by the credential check itself on the profile route).
 */
export async function readOwnProfile(db: Db, userId: number): Promise<OwnProfile> {
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT 1 ${ownProfileColumns("u", "p", "r")}
    FROM "User" u
    LEFT JOIN "Profile" p ON p."userId" = u."id"
    LEFT JOIN "UserPreference" r ON r."userId" = u."id"
    WHERE u."id" = ${userId}`;
  if (!rows[0]) throw noProfile();
  return toOwnProfile(rows[0]);
}
