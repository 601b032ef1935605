import { z } from "zod";
import { optionalText } from "../validation/text";
import { idSchema, paginationFields } from "../validation/pagination";

export const listAuditSchema = z.object(
  {
    action: optionalText("Action", 64),
    targetType: optionalText("Target type", 64),
    targetId: z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema("Target id").optional()),
    actorId: z.preprocess((v) => (v === "" || v === null ? undefined : v), idSchema("Actor id").optional()),
    /** Who acted / whom it was about, by username or email (any letter case). */
    who: optionalText("Who", 300),
    about: optionalText("About", 300),
    ...paginationFields,
  },
  { error: "The query must be an object." },
);
export type ListAuditInput = z.input<typeof listAuditSchema>;
