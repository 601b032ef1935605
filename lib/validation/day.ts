import { z } from "zod";

// A calendar day as it arrives in an address (?joinedFrom=2026-12-01): "YYYY-MM-DD", a real
// date; "" or a missing value means "not given" (an empty date field submits cleanly).

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

/** An optional UTC day "YYYY-MM-DD"; `label` starts the one-sentence refusal. */
export const optionalDay = (label: string) =>
  z.preprocess(
    blank,
    z
      .string({ error: `${label} must be a date (YYYY-MM-DD).` })
      .regex(/^\d{4}-\d{2}-\d{2}$/, `${label} must be a date (YYYY-MM-DD).`)
      .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), `${label} must be a real date.`)
      .optional(),
  );

/** The start of a UTC day, and of the day after (a "to" day includes its whole day). */
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00Z`);
export const dayAfter = (day: string): Date => new Date(dayStart(day).getTime() + 86_400_000);
