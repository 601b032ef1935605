import type { Profile } from "../db/generated/client";
import type { MediaStorage } from "../media/storage";
import type { OwnProfile } from "../users/get-profile";
import type { PreferenceView } from "./preferences-row";

// The live API's snake_case for profiles and preferences, as its ProfileSerializer,
// PublicProfileSerializer and UserPreference views wrote them. Every translation between
// those names and the code's camelCase happens here (the PATCH side: profile-patch-schema.ts).

export const SHOWCASE_SLOTS = [1, 2, 3] as const;

/** Django's ImageField answered the file's absolute URL, or null when empty. */
function imageUrl(storage: MediaStorage, key: string | null): string | null {
  return key ? storage.url(key) : null;
}

/** The teacher page, images and links: shared by the owner's and the public answer. */
function teacherFields(p: Profile, storage: MediaStorage) {
  const out: Record<string, unknown> = {
    profile_image: imageUrl(storage, p.profileImage),
    profile_image_url: imageUrl(storage, p.profileImage),
    teacher_tagline: p.teacherTagline,
    teacher_about: p.teacherAbout,
    teaching_specialties: p.teachingSpecialties,
  };
  for (const n of SHOWCASE_SLOTS) {
    const url = imageUrl(storage, p[`showcaseImage${n}`]);
    out[`showcase_image_${n}`] = url;
    out[`showcase_image_${n}_url`] = url;
    out[`showcase_image_${n}_caption`] = p[`showcaseImage${n}Caption`];
    out[`showcase_image_${n}_tags`] = p[`showcaseImage${n}Tags`];
  }
  Object.assign(out, {
    youtube_url: p.youtubeUrl,
    linkedin_url: p.linkedinUrl,
    twitter_url: p.twitterUrl,
    website_url: p.websiteUrl,
    intro_video_url: p.introVideoUrl,
  });
  return out;
}

export function preferencesToApi(p: PreferenceView) {
  return {
    languages_spoken: p.languagesSpoken,
    location: p.location,
    bio: p.bio,
    interested_subjects: p.interestedSubjects,
    interested_tags: p.interestedTags,
    native_language: p.nativeLanguage,
    report_language: p.reportLanguage,
  };
}

/**
 * The caller's own profile (GET/PUT/PATCH /api/users/profile/): this app's keys first
 * (byte-compatible with what it answered before), then the live ProfileSerializer's.
 */
export function ownProfileToApi(p: OwnProfile, storage: MediaStorage) {
  const d = p.details;
  return {
    id: p.id,
    username: p.username,
    email: p.email ?? "", // the old API's blank email, for an account imported without one
    role: p.role,
    bio: p.bio ?? "",
    display_name: p.displayName ?? "",
    first_name: p.firstName ?? "",
    last_name: p.lastName ?? "",
    active_guide: p.activeGuide,
    can_invite_teachers: p.canInviteTeachers,
    is_staff: p.isStaff,
    email_verified: p.emailVerified,
    date_joined: p.dateJoined.toISOString(),
    user_id: p.id,
    ...teacherFields(d, storage),
    growth_score: d.growthScore,
    impact_score: d.impactScore,
    locale: d.locale,
    email_notifications: d.emailNotifications,
    mail_magazine_enabled: d.mailMagazineEnabled,
    preferences: preferencesToApi(p.preference),
  };
}

export interface PublicProfileSource {
  user: { id: number; username: string; dateJoined: Date };
  profile: Profile;
}

/** Django's DateTimeField(format="%Y-%m-%d"), in UTC as its USE_TZ settings stored it. */
const day = (d: Date) => d.toISOString().slice(0, 10);

/**
 * A guide as anyone may read them (GET /api/users/guides/…): the live
 * PublicProfileSerializer without its leak, the email address. Tag names live in Django's
 * tags app, which stays there: `*_tags_detail` is empty and `*_tags` carries the ids.
 */
export function publicProfileToApi({ user, profile: p }: PublicProfileSource, storage: MediaStorage) {
  const out: Record<string, unknown> = {
    id: user.id,
    user_id: user.id,
    username: user.username,
    first_name: p.firstName ?? "",
    last_name: p.lastName ?? "",
    date_joined: day(user.dateJoined),
    display_name: p.displayName ?? "",
    role: p.role,
    bio: p.bio,
    active_guide: p.activeGuide,
    growth_score: p.growthScore,
    impact_score: p.impactScore,
    ...teacherFields(p, storage),
  };
  for (const n of SHOWCASE_SLOTS) out[`showcase_image_${n}_tags_detail`] = [];
  return out;
}

/** The `<username>` of /api/users/guides/<username>/: percent-decoded, or as sent when it does not decode. */
export function usernameFromPath(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
