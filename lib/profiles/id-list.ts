import { z } from "zod";

/**
 * A list of ids of rows that live in the Django apps (tags, subjects): positive integers,
 * at most 100, duplicates dropped. A form sends them as strings, or one comma-separated
 * string; both are read.
 */
export function idList(label: string) {
  const message = `${label} must be a list of ids.`;
  return z.preprocess(
    (v) => {
      if (typeof v === "string") return v.trim() === "" ? [] : v.split(",").map((s) => s.trim());
      return v;
    },
    z
      .array(
        z.preprocess(
          (x) => (typeof x === "string" && /^\d{1,9}$/.test(x) ? Number(x) : x),
          z.number({ error: message }).int(message).positive(message).max(2_147_483_647, message),
        ),
        { error: message },
      )
      .max(100, `${label} may hold at most 100 ids.`)
      .transform((ids) => [...new Set(ids)]),
  );
}
