import { z } from "zod";
import { SHOWCASE_SLOTS } from "../profiles/api-shape";
import { idList } from "../profiles/id-list";
import { text } from "../validation/text";
import { BIO_MAX, DISPLAY_NAME_MAX, NAME_MAX } from "./field-limits";

// The one schema for PUT/PATCH /api/users/profile/, in the live API's names. Only the
// fields given change; blank clears. The old API let people change their own role: here
// role, the staff-granted flags and the scores (computed by other apps) are read-only, and
// sending one is refused by name. Names the live app ignored (its settings page sends
// `profile_visibility`, which exists nowhere) are ignored the same way.

export const READ_ONLY_PROFILE_FIELDS = [
  "role",
  "active_guide",
  "can_invite_teachers",
  "is_staff",
  "email_verified",
  "id",
  "user_id",
  "username",
  "email",
  "date_joined",
  "growth_score",
  "impact_score",
  "overall_ability_score",
  "ability_rank",
  "last_ability_update",
  "profile_image_url",
  "showcase_image_1_url",
  "showcase_image_2_url",
  "showcase_image_3_url",
] as const;

export const TEACHER_ABOUT_MAX = 20_000;
export const URL_MAX = 200;

function clearable(label: string, max: number, normalize: (s: string) => string = (s) => s) {
  return text(label, { max })
    .nullable()
    .transform((s) => (s === null || s.trim() === "" ? null : normalize(s)))
    .optional();
}

const nfcTrim = (s: string) => s.trim().normalize("NFC");

/** Django's URLField, limited to the web: http(s) only (no javascript:, data:, …). */
function webUrl(label: string) {
  return clearable(label, URL_MAX, (s) => s.trim()).refine(
    (s) => s === undefined || s === null || (URL.canParse(s) && /^https?:$/.test(new URL(s).protocol)),
    `${label} must be a web address starting with http:// or https://.`,
  );
}

/** A form sends booleans as text; JSON as booleans. */
function flag(label: string) {
  return z
    .preprocess(
      (v) => (v === "true" || v === "1" || v === "on" ? true : v === "false" || v === "0" || v === "off" ? false : v),
      z.boolean({ error: `${label} must be true or false.` }),
    )
    .optional();
}

/**
 * An image field: an uploaded file (multipart/form-data) replaces the image; "" or null
 * removes it (as the live frontend deletes one). Its content is checked later
 * (lib/media/image-check.ts), by its bytes: an empty file is not an image.
 */
function image(label: string) {
  return z
    .union([z.instanceof(Blob), z.literal(""), z.null()], {
      error: `${label} must be an uploaded image file (multipart/form-data), or empty to remove it.`,
    })
    .transform((v) => (v instanceof Blob ? v : null))
    .optional();
}

const showcaseShape = Object.fromEntries(
  SHOWCASE_SLOTS.flatMap((n) => [
    [`showcase_image_${n}`, image(`showcase_image_${n}`)],
    [`showcase_image_${n}_caption`, clearable(`showcase_image_${n}_caption`, 200, nfcTrim)],
    [`showcase_image_${n}_tags`, idList(`showcase_image_${n}_tags`).optional()],
  ]),
) as {
  [K in `showcase_image_${1 | 2 | 3}`]: ReturnType<typeof image>;
} & {
  [K in `showcase_image_${1 | 2 | 3}_caption`]: ReturnType<typeof clearable>;
} & {
  [K in `showcase_image_${1 | 2 | 3}_tags`]: z.ZodOptional<ReturnType<typeof idList>>;
};

export type ImageColumn = "profileImage" | "showcaseImage1" | "showcaseImage2" | "showcaseImage3";

// Loose, so that the refinement sees the read-only names; the transform keeps only ours.
export const profilePatchSchema = z
  .looseObject(
    {
      display_name: clearable("Display name", DISPLAY_NAME_MAX, nfcTrim),
      bio: clearable("Bio", BIO_MAX),
      first_name: clearable("First name", NAME_MAX, nfcTrim),
      last_name: clearable("Last name", NAME_MAX, nfcTrim),
      profile_image: image("profile_image"),
      teacher_tagline: clearable("teacher_tagline", 150, nfcTrim),
      teacher_about: clearable("teacher_about", TEACHER_ABOUT_MAX),
      teaching_specialties: clearable("teaching_specialties", 255, nfcTrim),
      ...showcaseShape,
      youtube_url: webUrl("youtube_url"),
      linkedin_url: webUrl("linkedin_url"),
      twitter_url: webUrl("twitter_url"),
      website_url: webUrl("website_url"),
      intro_video_url: webUrl("intro_video_url"),
      locale: z.enum(["en", "ja"], { error: "locale must be en or ja." }).optional(),
      email_notifications: flag("email_notifications"),
      mail_magazine_enabled: flag("mail_magazine_enabled"),
    },
    { error: "The request body must be a JSON object." },
  )
  .superRefine((data, ctx) => {
    for (const field of READ_ONLY_PROFILE_FIELDS) {
      if (Object.hasOwn(data, field)) ctx.addIssue({ code: "custom", path: [field], message: `${field} is read-only.` });
    }
  })
  .transform((d) => ({
    fields: {
      displayName: d.display_name,
      bio: d.bio,
      firstName: d.first_name,
      lastName: d.last_name,
      teacherTagline: d.teacher_tagline,
      teacherAbout: d.teacher_about,
      teachingSpecialties: d.teaching_specialties,
      showcaseImage1Caption: d.showcase_image_1_caption,
      showcaseImage2Caption: d.showcase_image_2_caption,
      showcaseImage3Caption: d.showcase_image_3_caption,
      showcaseImage1Tags: d.showcase_image_1_tags,
      showcaseImage2Tags: d.showcase_image_2_tags,
      showcaseImage3Tags: d.showcase_image_3_tags,
      youtubeUrl: d.youtube_url,
      linkedinUrl: d.linkedin_url,
      twitterUrl: d.twitter_url,
      websiteUrl: d.website_url,
      introVideoUrl: d.intro_video_url,
      locale: d.locale,
      emailNotifications: d.email_notifications,
      mailMagazineEnabled: d.mail_magazine_enabled,
    },
    /** undefined: unchanged; null: remove; a Blob: replace (checked by content later). */
    images: {
      profileImage: d.profile_image,
      showcaseImage1: d.showcase_image_1,
      showcaseImage2: d.showcase_image_2,
      showcaseImage3: d.showcase_image_3,
    } satisfies Record<ImageColumn, Blob | null | undefined>,
  }));
