import { REPORT_LANGUAGES } from "../profiles/preferences-row";
import { cleanOptional, type Conflicts } from "./conflicts";
import { linksByOwner } from "./repair-profile-details";
import type { LegacyData, LegacyPreference } from "./types";

// users_userpreference as this system's UserPreference holds it (migration
// 20261206000300_whole_profile): old ids kept, values checked against its CHECKs, each
// repair reported. Pure, like the other repairs.

export interface PreferenceRow {
  id: number;
  userId: number;
  languagesSpoken: unknown[];
  interestedSubjects: number[];
  interestedTags: number[];
  location: string | null;
  bio: string | null;
  nativeLanguage: string;
  reportLanguage: string;
  updatedAt: Date;
}

/** The daily-report audio's languages: the profile area's list (the live model's choices; the CHECK's list). */
const AUDIO_LANGUAGES = new Set<string>(REPORT_LANGUAGES);

function language(value: string | null, field: string, userId: number, conflicts: Conflicts): string {
  if (value === null || value === "") return "en";
  if (AUDIO_LANGUAGES.has(value)) return value;
  conflicts.add("unknown_language", [userId], `${field} ${JSON.stringify(value.slice(0, 20))} imported as en`);
  return "en";
}

export function repairPreferences(
  legacy: LegacyPreference[],
  userIds: Set<number>,
  links: LegacyData["links"],
  readAt: Date,
  conflicts: Conflicts,
): PreferenceRow[] {
  const subjects = linksByOwner(links.preferenceSubjects, "userpreference_id", "subject_id");
  const tags = linksByOwner(links.preferenceTags, "userpreference_id", "tag_id");
  const out: PreferenceRow[] = [];
  for (const p of legacy) {
    if (!userIds.has(p.user_id)) {
      conflicts.add("preference_without_user", [p.id], `preference ${p.id} not imported: its user ${p.user_id} was not imported`);
      continue;
    }
    let languages: unknown[] = [];
    if (Array.isArray(p.languages_spoken)) languages = p.languages_spoken;
    else if (p.languages_spoken !== null) conflicts.add("invalid_languages_spoken", [p.user_id], "languages_spoken is not a JSON list: imported as []");
    out.push({
      id: p.id,
      userId: p.user_id,
      languagesSpoken: languages,
      interestedSubjects: subjects.get(p.id) ?? [],
      interestedTags: tags.get(p.id) ?? [],
      location: cleanOptional(p.location, 255, "location", [p.user_id], conflicts),
      bio: cleanOptional(p.bio, 100_000, "preference bio", [p.user_id], conflicts),
      nativeLanguage: language(p.native_language, "native_language", p.user_id, conflicts),
      reportLanguage: language(p.report_language, "report_language", p.user_id, conflicts),
      updatedAt: p.updated_at ?? readAt,
    });
  }
  return out;
}
