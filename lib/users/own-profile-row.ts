import { Prisma } from "../db/generated/client";
import type { Profile } from "../db/generated/client";
import { DomainError } from "../errors";
import { DEFAULT_PREFERENCE, toPreferenceView } from "../profiles/preferences-row";
import type { OwnProfile } from "./get-profile";

// The columns of the caller's own profile (GET /api/users/profile/, the /account page) as
// SQL that any query can append, so the profile read can ride in the same statement as the
// credential check: one round trip per authenticated read instead of two (issue 24).
// Plain columns, not to_jsonb(): the driver then types dates and arrays itself.

const PROFILE_COLUMNS = [
  "id", "userId", "role", "bio", "displayName", "firstName", "lastName", "activeGuide", "canInviteTeachers",
  "createdAt", "updatedAt", "profileImage", "teacherTagline", "teacherAbout", "teachingSpecialties",
  "showcaseImage1", "showcaseImage1Caption", "showcaseImage2", "showcaseImage2Caption",
  "showcaseImage3", "showcaseImage3Caption", "showcaseImage1Tags", "showcaseImage2Tags", "showcaseImage3Tags",
  "youtubeUrl", "linkedinUrl", "twitterUrl", "websiteUrl", "introVideoUrl", "growthScore", "impactScore",
  "overallAbilityScore", "abilityRank", "lastAbilityUpdate", "emailNotifications", "mailMagazineEnabled", "locale", "localeChosenAt",
] as const satisfies readonly (keyof Profile)[];

const PREFERENCE_COLUMNS = [
  "languagesSpoken", "interestedSubjects", "interestedTags", "location", "bio", "nativeLanguage", "reportLanguage", "updatedAt",
] as const;

// Every column under a prefix of its own: the credential queries already answer "id",
// "username", … of their own.
const P = "op_";
const R = "opr_";

/**
 * The select-list fragment (starting with a comma) for user alias `u`, profile alias `p`
 * and preference alias `r`; the query LEFT JOINs "Profile" and "UserPreference".
 * Aliases are fixed names from the code, never input.
 */
export function ownProfileColumns(u: string, p: string, r: string): Prisma.Sql {
  const cols = [
    `${u}."id" AS "${P}uid"`, `${u}."username" AS "${P}username"`, `${u}."email" AS "${P}email"`,
    `${u}."isStaff" AS "${P}isStaff"`, `${u}."dateJoined" AS "${P}dateJoined"`, `${u}."emailVerifiedAt" AS "${P}emailVerifiedAt"`,
    ...PROFILE_COLUMNS.map((c) => (c === "role" ? `${p}."role"::text AS "${P}role"` : `${p}."${c}" AS "${P}${c}"`)),
    `${r}."userId" IS NOT NULL AS "${R}present"`,
    ...PREFERENCE_COLUMNS.map((c) => `${r}."${c}" AS "${R}${c}"`),
  ];
  return Prisma.raw(`, ${cols.join(", ")}`);
}

export function noProfile(): DomainError {
  return new DomainError("not_found", "No profile was found for this account.", 404);
}

/** The OwnProfile of a row carrying ownProfileColumns(); a 404 DomainError when the user has no profile. */
export function toOwnProfile(row: Record<string, unknown>): OwnProfile {
  if (row[`${P}id`] === null || row[`${P}id`] === undefined) throw noProfile();
  const details = {} as Record<string, unknown>;
  for (const c of PROFILE_COLUMNS) details[c] = row[`${P}${c}`];
  const profile = details as unknown as Profile;
  const preference = row[`${R}present`]
    ? toPreferenceView(Object.fromEntries(PREFERENCE_COLUMNS.map((c) => [c, row[`${R}${c}`]])) as Parameters<typeof toPreferenceView>[0])
    : DEFAULT_PREFERENCE;
  return {
    id: row[`${P}uid`] as number,
    username: row[`${P}username`] as string,
    email: row[`${P}email`] as string | null,
    isStaff: row[`${P}isStaff`] as boolean,
    dateJoined: row[`${P}dateJoined`] as Date,
    role: profile.role,
    bio: profile.bio,
    displayName: profile.displayName,
    firstName: profile.firstName,
    lastName: profile.lastName,
    activeGuide: profile.activeGuide,
    canInviteTeachers: profile.canInviteTeachers,
    emailVerified: row[`${P}emailVerifiedAt`] !== null,
    details: profile,
    preference,
  };
}
