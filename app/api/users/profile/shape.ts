import { z } from "zod";
import { isoTime } from "@/lib/http/contract";
import { REPORT_LANGUAGES } from "@/lib/profiles/preferences-row";
import { ROLES } from "@/lib/users/register-schema";

// The live serializers' names (lib/profiles/api-shape.ts writes them).

const url = z.string().nullable();
const showcase = (n: 1 | 2 | 3) => ({
  [`showcase_image_${n}`]: url,
  [`showcase_image_${n}_url`]: url,
  [`showcase_image_${n}_caption`]: z.string().nullable(),
  [`showcase_image_${n}_tags`]: z.array(z.number().int()),
});

/** The teacher page, images and links: in the owner's and in the public answer. */
export const teacherFields = {
  profile_image: url,
  profile_image_url: url,
  teacher_tagline: z.string().nullable(),
  teacher_about: z.string().nullable(),
  teaching_specialties: z.string().nullable(),
  ...showcase(1),
  ...showcase(2),
  ...showcase(3),
  youtube_url: url,
  linkedin_url: url,
  twitter_url: url,
  website_url: url,
  intro_video_url: url,
};

export const preferencesReply = z
  .strictObject({
    languages_spoken: z.array(z.string()),
    location: z.string().nullable(),
    bio: z.string().nullable(),
    interested_subjects: z.array(z.number().int()),
    interested_tags: z.array(z.number().int()),
    native_language: z.enum(REPORT_LANGUAGES),
    report_language: z.enum(REPORT_LANGUAGES),
  })
  .meta({ id: "Preferences" });

export const preferencesExample = {
  languages_spoken: ["en", "ja"], location: "Osaka", bio: null, interested_subjects: [4], interested_tags: [],
  native_language: "ja", report_language: "en",
};

export const ownProfileReply = z
  .strictObject({
    id: z.number().int(),
    username: z.string(),
    email: z.string(),
    role: z.enum(ROLES),
    bio: z.string(),
    display_name: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    active_guide: z.boolean(),
    can_invite_teachers: z.boolean(),
    is_staff: z.boolean(),
    email_verified: z.boolean(),
    date_joined: isoTime,
    user_id: z.number().int(),
    ...teacherFields,
    growth_score: z.number().int(),
    impact_score: z.number().int(),
    locale: z.enum(["en", "ja"]),
    email_notifications: z.boolean(),
    mail_magazine_enabled: z.boolean(),
    preferences: preferencesReply,
  })
  .meta({ id: "Profile" });

const noTeacherPage = Object.fromEntries(
  Object.keys(teacherFields).map((k) => [k, k.endsWith("_tags") ? [] : null]),
);

export const ownProfileExample = {
  id: 12, username: "ada", email: "ada@example.com", role: "explorer", bio: "", display_name: "Ada", first_name: "", last_name: "",
  active_guide: false, can_invite_teachers: false, is_staff: false, email_verified: true, date_joined: "2026-11-24T09:05:00.000Z",
  user_id: 12, ...noTeacherPage, growth_score: 0, impact_score: 0, locale: "en", email_notifications: true, mail_magazine_enabled: true,
  preferences: preferencesExample,
};

/** A guide as anyone may read them: the live PublicProfileSerializer without the email. */
export const publicProfileReply = z
  .strictObject({
    id: z.number().int(),
    user_id: z.number().int(),
    username: z.string(),
    first_name: z.string(),
    last_name: z.string(),
    date_joined: z.iso.date(),
    display_name: z.string(),
    role: z.enum(ROLES),
    bio: z.string().nullable(),
    active_guide: z.boolean(),
    growth_score: z.number().int(),
    impact_score: z.number().int(),
    ...teacherFields,
    showcase_image_1_tags_detail: z.array(z.unknown()),
    showcase_image_2_tags_detail: z.array(z.unknown()),
    showcase_image_3_tags_detail: z.array(z.unknown()),
  })
  .meta({ id: "PublicProfile" });

export const publicProfileExample = {
  id: 3, user_id: 3, username: "grace", first_name: "Grace", last_name: "", date_joined: "2026-11-01", display_name: "Grace",
  role: "guide", bio: "Physics.", active_guide: true, growth_score: 0, impact_score: 0, ...noTeacherPage,
  teacher_tagline: "Physics for everyone",
  showcase_image_1_tags_detail: [], showcase_image_2_tags_detail: [], showcase_image_3_tags_detail: [],
};
