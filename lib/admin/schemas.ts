import { z } from "zod";
import { idSchema } from "../validation/pagination";
import { text } from "../validation/text";

// The staff actions' inputs, one style: `staffInput({...extra})` is the user id and the
// required reason plus what the action needs. Booleans arrive as "true"/"false" from forms.

export const REASON_MAX = 500;
export const REASON_REQUIRED = "Give a reason: it goes into the audit log.";
const NOT_AN_OBJECT = "The request body must be a JSON object.";

/** Why staff acted, kept in the audit row's notes. Every staff change carries one (the CLI passes its own). */
export const reasonSchema = text("Reason", { max: REASON_MAX, required: REASON_REQUIRED })
  .transform((s) => s.trim())
  .refine((s) => s.length > 0, REASON_REQUIRED);

const FORM_BOOLEANS: Record<string, boolean> = { true: true, false: false, on: true, off: false, "1": true, "0": false };

export function formBoolean(label: string) {
  return z.preprocess(
    (v) => (typeof v === "string" && v.toLowerCase() in FORM_BOOLEANS ? FORM_BOOLEANS[v.toLowerCase()] : v),
    z.boolean({ error: `${label} must be true or false.` }),
  );
}

function staffInput<T extends z.ZodRawShape>(extra: T) {
  return z.object({ userId: idSchema("User id"), ...extra, reason: reasonSchema }, { error: NOT_AN_OBJECT });
}

export const setActiveSchema = staffInput({ active: formBoolean("Active") });
export const setStaffSchema = staffInput({ isStaff: formBoolean("Staff") });
export const setCanInviteTeachersSchema = staffInput({ canInviteTeachers: formBoolean("Can invite teachers") });
export const markEmailVerifiedSchema = staffInput({});
export const signOutEverywhereSchema = staffInput({});
export const sendResetLinkSchema = staffInput({});
export const startViewAsSchema = staffInput({});
export const resetTwoFactorSchema = staffInput({});
