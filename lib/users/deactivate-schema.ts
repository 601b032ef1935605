import { z } from "zod";
import { text } from "../validation/text";

/** A self-deactivation's input: an optional reason (kept in the audit row only). */
export const deactivateSchema = z.object(
  { reason: z.preprocess((v) => (v === null || v === "" ? undefined : v), text("Reason", { max: 1000 }).optional()) },
  { error: "The request body must be a JSON object." },
);
