import type { Db } from "../db/client";
import type { Profile } from "../db/generated/client";
import { DomainError } from "../errors";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { DEFAULT_PREFERENCE, preferenceSelect, toPreferenceView, type PreferenceView } from "../profiles/preferences-row";
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

/** The account and profile of a user already authenticated by the caller (the login answer). */
export async function readOwnProfile(db: Db, userId: number): Promise<OwnProfile> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      username: true,
      email: true,
      isStaff: true,
      dateJoined: true,
      emailVerifiedAt: true,
      profile: true,
      preference: { select: preferenceSelect },
    },
  });
  if (!user?.profile) throw new DomainError("not_found", "No profile was found for this account.", 404);
  const { profile } = user;
  return {
    id: user.id,
    username: user.username,
    email: user.email,
    isStaff: user.isStaff,
    dateJoined: user.dateJoined,
    role: profile.role,
    bio: profile.bio,
    displayName: profile.displayName,
    firstName: profile.firstName,
    lastName: profile.lastName,
    activeGuide: profile.activeGuide,
    canInviteTeachers: profile.canInviteTeachers,
    emailVerified: user.emailVerifiedAt !== null,
    details: profile,
    preference: user.preference ? toPreferenceView(user.preference) : DEFAULT_PREFERENCE,
  };
}
