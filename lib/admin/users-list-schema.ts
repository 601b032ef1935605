import { z } from "zod";
import { optionalDay as day } from "../validation/day";
import { MAX_PAGE_SIZE } from "../validation/pagination";
import { optionalText } from "../validation/text";

// The staff users list's query, as it arrives in the address (/admin/users?q=…&staff=yes):
// every value is text; "" means "not given", so an empty filter form submits cleanly.

const blank = (v: unknown) => (v === "" || v === null ? undefined : v);

const yesNo = (label: string) =>
  z.preprocess(blank, z.enum(["yes", "no"], { error: `${label} must be yes or no.` }).optional());

export const USER_SORTS = ["joined", "oldest", "last_login"] as const;
export type UserSort = (typeof USER_SORTS)[number];

/** A keyset position: the sort value of the last (or first) row shown and its id. */
const cursor = z.preprocess(
  blank,
  z
    .string({ error: "The page position is not valid." })
    .max(200, "The page position is not valid.")
    .regex(/^[A-Za-z0-9_-]+$/, "The page position is not valid.")
    .optional(),
);

export const listUsersSchema = z
  .object(
    {
      q: optionalText("Search", 100),
      staff: yesNo("Staff"),
      active: yesNo("Active"),
      role: z.preprocess(blank, z.enum(["explorer", "guide", "both"], { error: "Role must be explorer, guide or both." }).optional()),
      guide: yesNo("Active guide"),
      invite: yesNo("May invite"),
      verified: yesNo("Email verified"),
      joinedFrom: day("Joined from"),
      joinedTo: day("Joined to"),
      sort: z.preprocess(blank, z.enum(USER_SORTS, { error: "Sort must be joined, oldest or last_login." }).optional()).transform((v) => v ?? "joined"),
      after: cursor,
      before: cursor,
      pageSize: z.preprocess(
        (v) => (blank(v) === undefined ? undefined : typeof v === "string" ? Number(v) : v),
        z
          .number({ error: "Page size must be a whole number." })
          .int("Page size must be a whole number.")
          .min(1, "Page size must be at least 1.")
          .max(MAX_PAGE_SIZE, `Page size must be at most ${MAX_PAGE_SIZE}.`)
          .optional(),
      ),
    },
    { error: "The query must be an object." },
  )
  .transform((v) => ({ ...v, q: v.q?.trim().normalize("NFKC") || undefined }))
  .refine((v) => !(v.after && v.before), "Give either a next or a previous page position, not both.")
  .refine((v) => !(v.joinedFrom && v.joinedTo && v.joinedFrom > v.joinedTo), "Joined from must not be after joined to.");

export type ListUsersInput = z.input<typeof listUsersSchema>;
export type ListUsersQuery = z.output<typeof listUsersSchema>;

/** The filter names (not the page position) as they go back into an address. */
export const USER_FILTER_KEYS = ["q", "staff", "active", "role", "guide", "invite", "verified", "joinedFrom", "joinedTo", "sort"] as const;
