import { cleanOptional, type Conflicts } from "./conflicts";
import type { LegacyLink, LegacyProfile } from "./types";

// The live Profile's later columns (teacher page, images, social links, scores, locale,
// mail flags) as this system's Profile holds them (migration 20261206000300_whole_profile):
// the same names in camelCase, values checked against that migration's CHECKs and sizes,
// each repair reported. Pure, like the other repairs.

export interface ProfileDetails {
  locale: "en" | "ja";
  emailNotifications: boolean;
  mailMagazineEnabled: boolean;
  /** Storage keys relative to the media root: Django's paths relative to MEDIA_ROOT, unchanged. */
  profileImage: string | null;
  showcaseImage1: string | null;
  showcaseImage2: string | null;
  showcaseImage3: string | null;
  showcaseImage1Caption: string | null;
  showcaseImage2Caption: string | null;
  showcaseImage3Caption: string | null;
  showcaseImage1Tags: number[];
  showcaseImage2Tags: number[];
  showcaseImage3Tags: number[];
  teacherTagline: string | null;
  teacherAbout: string | null;
  teachingSpecialties: string | null;
  introVideoUrl: string | null;
  linkedinUrl: string | null;
  twitterUrl: string | null;
  websiteUrl: string | null;
  youtubeUrl: string | null;
  growthScore: number;
  impactScore: number;
  overallAbilityScore: number | null;
  abilityRank: number | null;
  lastAbilityUpdate: Date | null;
}

export const DEFAULT_DETAILS: ProfileDetails = {
  locale: "en",
  emailNotifications: true,
  mailMagazineEnabled: true,
  profileImage: null,
  showcaseImage1: null,
  showcaseImage2: null,
  showcaseImage3: null,
  showcaseImage1Caption: null,
  showcaseImage2Caption: null,
  showcaseImage3Caption: null,
  showcaseImage1Tags: [],
  showcaseImage2Tags: [],
  showcaseImage3Tags: [],
  teacherTagline: null,
  teacherAbout: null,
  teachingSpecialties: null,
  introVideoUrl: null,
  linkedinUrl: null,
  twitterUrl: null,
  websiteUrl: null,
  youtubeUrl: null,
  growthScore: 0,
  impactScore: 0,
  overallAbilityScore: null,
  abilityRank: null,
  lastAbilityUpdate: null,
};

const LOCALES = new Set(["en", "ja"]);
const TEXT_MAX = 100_000;
const INT_MAX = 2_147_483_647;

/**
 * A media path as Django stored it (relative to MEDIA_ROOT), kept only when it stays
 * inside the media folder: an absolute path, a `..` segment or a URL could make the
 * storage serve or delete a file outside it.
 */
function mediaPath(value: string | null, field: string, userId: number, conflicts: Conflicts): string | null {
  const v = cleanOptional(value, 255, field, [userId], conflicts);
  if (v === null) return null;
  const unsafe = v.startsWith("/") || v.includes("\\") || /^[a-z][a-z0-9+.-]*:/i.test(v) || v.split("/").some((s) => s === ".." || s === ".");
  if (unsafe) {
    conflicts.add("unsafe_media_path", [userId], `${field}: ${JSON.stringify(v.slice(0, 80))} is not a path inside the media folder: not imported`);
    return null;
  }
  return v;
}

function score(value: number | null, field: string, userId: number, conflicts: Conflicts): number {
  if (value === null) return 0;
  if (!Number.isInteger(value) || value < 0 || value > INT_MAX) {
    conflicts.add("invalid_score", [userId], `${field}: ${value} imported as 0`);
    return 0;
  }
  return value;
}

/** Tag ids per profile id, from one of the showcase many-to-many tables. */
export function linksByOwner(links: LegacyLink[], owner: string, other: string): Map<number, number[]> {
  const out = new Map<number, number[]>();
  for (const l of links) {
    const list = out.get(l[owner]) ?? [];
    list.push(l[other]);
    out.set(l[owner], list);
  }
  return out;
}

export function repairProfileDetails(
  p: LegacyProfile,
  userId: number,
  tags: [Map<number, number[]>, Map<number, number[]>, Map<number, number[]>],
  conflicts: Conflicts,
): ProfileDetails {
  const text = (v: string | null, max: number, field: string) => cleanOptional(v, max, field, [userId], conflicts);
  let locale: "en" | "ja" = "en";
  if (p.locale !== null && p.locale !== "") {
    if (LOCALES.has(p.locale)) locale = p.locale as "en" | "ja";
    else conflicts.add("unknown_locale", [userId], `locale ${JSON.stringify(p.locale.slice(0, 20))} imported as en`);
  }
  const rank = p.ability_rank;
  return {
    locale,
    emailNotifications: p.email_notifications ?? true,
    mailMagazineEnabled: p.mail_magazine_enabled ?? true,
    profileImage: mediaPath(p.profile_image, "profile_image", userId, conflicts),
    showcaseImage1: mediaPath(p.showcase_image_1, "showcase_image_1", userId, conflicts),
    showcaseImage2: mediaPath(p.showcase_image_2, "showcase_image_2", userId, conflicts),
    showcaseImage3: mediaPath(p.showcase_image_3, "showcase_image_3", userId, conflicts),
    showcaseImage1Caption: text(p.showcase_image_1_caption, 200, "showcase_image_1_caption"),
    showcaseImage2Caption: text(p.showcase_image_2_caption, 200, "showcase_image_2_caption"),
    showcaseImage3Caption: text(p.showcase_image_3_caption, 200, "showcase_image_3_caption"),
    showcaseImage1Tags: tags[0].get(p.id) ?? [],
    showcaseImage2Tags: tags[1].get(p.id) ?? [],
    showcaseImage3Tags: tags[2].get(p.id) ?? [],
    teacherTagline: text(p.teacher_tagline, 150, "teacher_tagline"),
    teacherAbout: text(p.teacher_about, TEXT_MAX, "teacher_about"),
    teachingSpecialties: text(p.teaching_specialties, 255, "teaching_specialties"),
    introVideoUrl: text(p.intro_video_url, 200, "intro_video_url"),
    linkedinUrl: text(p.linkedin_url, 200, "linkedin_url"),
    twitterUrl: text(p.twitter_url, 200, "twitter_url"),
    websiteUrl: text(p.website_url, 200, "website_url"),
    youtubeUrl: text(p.youtube_url, 200, "youtube_url"),
    growthScore: score(p.growth_score, "growth_score", userId, conflicts),
    impactScore: score(p.impact_score, "impact_score", userId, conflicts),
    overallAbilityScore: p.overall_ability_score !== null && Number.isFinite(p.overall_ability_score) ? p.overall_ability_score : null,
    abilityRank: rank !== null && Number.isInteger(rank) && Math.abs(rank) <= INT_MAX ? rank : null,
    lastAbilityUpdate: p.last_ability_update,
  };
}
