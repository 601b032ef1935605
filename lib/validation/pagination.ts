import { z } from "zod";

// Page numbers arrive as query-string text from routes and pages: coerce, bound, and
// refuse nonsense with a sentence.
export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

const positiveInt = (label: string, max: number) =>
  z.preprocess(
    (v) => (v === "" || v === null ? undefined : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: `${label} must be a whole number.` })
      .int(`${label} must be a whole number.`)
      .min(1, `${label} must be at least 1.`)
      .max(max, `${label} must be at most ${max}.`)
      .optional(),
  );

export const paginationFields = {
  page: positiveInt("Page", 1_000_000).transform((v) => v ?? 1),
  pageSize: positiveInt("Page size", MAX_PAGE_SIZE).transform((v) => v ?? DEFAULT_PAGE_SIZE),
};

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
  pageCount: number;
}

export function pageOf<T>(items: T[], total: number, page: number, pageSize: number): Page<T> {
  return { items, total, page, pageSize, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** An id from a path segment or a form field: "12" and 12 are fine, "12abc" is not. */
export function idSchema(label: string) {
  return z.preprocess(
    (v) => (typeof v === "string" && /^\d{1,10}$/.test(v.trim()) ? Number(v.trim()) : v),
    z
      .number({ error: `${label} must be a positive whole number.` })
      .int(`${label} must be a positive whole number.`)
      .min(1, `${label} must be a positive whole number.`)
      .max(2_147_483_647, `${label} must be a positive whole number.`),
  );
}
