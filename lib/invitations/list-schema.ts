import { z } from "zod";
import { optionalDay } from "../validation/day";
import { paginationFields } from "../validation/pagination";
import { optionalText } from "../validation/text";

export const INVITATION_STATUSES = ["pending", "accepted", "expired", "cancelled"] as const;

/**
 * Staff's list: filter by status, inviter (username or id) and the UTC days it was sent
 * (`sentFrom`/`sentTo`, both included), search by invitee email.
 */
export const listInvitationsSchema = z
  .object(
    {
      status: z.preprocess(
        (v) => (v === "" || v === null || v === "all" ? undefined : v),
        z.enum(INVITATION_STATUSES, { error: "Status must be one of: pending, accepted, expired, cancelled." }).optional(),
      ),
      inviter: optionalText("Inviter", 150).transform((s) => s?.trim()),
      email: optionalText("Email", 254).transform((s) => s?.trim()),
      sentFrom: optionalDay("Sent from"),
      sentTo: optionalDay("Sent to"),
      ...paginationFields,
    },
    { error: "The query must be an object." },
  )
  .refine((v) => !(v.sentFrom && v.sentTo && v.sentFrom > v.sentTo), "Sent from must not be after sent to.");

export type ListInvitationsInput = z.input<typeof listInvitationsSchema>;
