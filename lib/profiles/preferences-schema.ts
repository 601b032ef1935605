import { z } from "zod";
import { BIO_MAX } from "../users/field-limits";
import { text } from "../validation/text";
import { REPORT_LANGUAGES } from "./preferences-row";
import { idList } from "./id-list";

// PATCH /api/users/preferences/ in the live API's names; only the fields given change.

const LANGUAGE_CODE = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})?$/;

const reportLanguage = (label: string) =>
  z.enum(REPORT_LANGUAGES, { error: `${label} must be one of ${REPORT_LANGUAGES.join(", ")}.` }).optional();

export const preferencesPatchSchema = z
  .looseObject(
    {
      languages_spoken: z
        .array(z.string().regex(LANGUAGE_CODE, "Each spoken language must be a language code such as en or ja."), {
          error: "languages_spoken must be a list of language codes.",
        })
        .max(50, "languages_spoken may list at most 50 languages.")
        .transform((list) => [...new Set(list)])
        .optional(),
      location: text("location", { max: 255 })
        .nullable()
        .transform((s) => (s === null ? null : s.trim().normalize("NFC")))
        .optional(),
      bio: text("bio", { max: BIO_MAX }).nullable().optional(),
      interested_subjects: idList("interested_subjects").optional(),
      interested_tags: idList("interested_tags").optional(),
      native_language: reportLanguage("native_language"),
      report_language: reportLanguage("report_language"),
    },
    { error: "The request body must be a JSON object." },
  )
  .transform((d) => ({
    languagesSpoken: d.languages_spoken,
    location: d.location,
    bio: d.bio,
    interestedSubjects: d.interested_subjects,
    interestedTags: d.interested_tags,
    nativeLanguage: d.native_language,
    reportLanguage: d.report_language,
  }));
