import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";

export const REPORT_LANGUAGES = ["en", "ja", "es", "fr", "de", "zh", "ko"] as const;

export interface PreferenceView {
  languagesSpoken: string[];
  interestedSubjects: number[];
  interestedTags: number[];
  location: string | null;
  bio: string | null;
  nativeLanguage: string;
  reportLanguage: string;
  updatedAt: Date;
}

export const preferenceSelect = {
  languagesSpoken: true,
  interestedSubjects: true,
  interestedTags: true,
  location: true,
  bio: true,
  nativeLanguage: true,
  reportLanguage: true,
  updatedAt: true,
} as const;

export function toPreferenceView(row: { languagesSpoken: unknown } & Omit<PreferenceView, "languagesSpoken">): PreferenceView {
  const langs = Array.isArray(row.languagesSpoken) ? row.languagesSpoken.filter((l): l is string => typeof l === "string") : [];
  return { ...row, languagesSpoken: langs };
}

/**
 * The user's preference row, created on first need. Two first requests at once both run
 * the INSERT; ON CONFLICT makes the second a no-op instead of a unique violation (Prisma's
 * upsert reads then writes, and races).
 */
export async function ensurePreference(db: Db | Tx, userId: number): Promise<PreferenceView> {
  await db.$executeRaw`INSERT INTO "UserPreference" ("userId") VALUES (${userId}) ON CONFLICT ("userId") DO NOTHING`;
  return toPreferenceView(await db.userPreference.findUniqueOrThrow({ where: { userId }, select: preferenceSelect }));
}

/** What a user without a row has: the table's defaults. */
export const DEFAULT_PREFERENCE: PreferenceView = Object.freeze({
  languagesSpoken: [],
  interestedSubjects: [],
  interestedTags: [],
  location: null,
  bio: null,
  nativeLanguage: "en",
  reportLanguage: "en",
  updatedAt: new Date(0),
}) as PreferenceView;
