import { z } from "zod";
import { idSchema } from "../validation/pagination";

/** Cancel, and staff's accept-on-behalf: which invitation. */
export const invitationIdSchema = z.object(
  { invitationId: idSchema("Invitation id") },
  { error: "The request body must be a JSON object." },
);

export type InvitationIdInput = z.input<typeof invitationIdSchema>;
