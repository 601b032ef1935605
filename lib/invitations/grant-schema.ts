import { z } from "zod";
import { staffReason } from "../users/admin-schema";
import { idSchema } from "../validation/pagination";

const FORM_BOOLEANS: Record<string, boolean> = { true: true, false: false, on: true, off: false, "1": true, "0": false };

/** Staff grant or revoke a user's right to invite teachers. */
export const setCanInviteTeachersSchema = z.object(
  {
    userId: idSchema("User id"),
    canInviteTeachers: z.preprocess(
      (v) => (typeof v === "string" && v.toLowerCase() in FORM_BOOLEANS ? FORM_BOOLEANS[v.toLowerCase()] : v),
      z.boolean({ error: "Can invite teachers must be true or false." }),
    ),
    reason: staffReason(),
  },
  { error: "The request body must be a JSON object." },
);

export type SetCanInviteTeachersInput = z.input<typeof setCanInviteTeachersSchema>;
