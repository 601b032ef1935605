import { z } from "zod";
import { emailSchema } from "../users/register-schema";
import { optionalText } from "../validation/text";

export const PERSONAL_MESSAGE_MAX = 500;

export const sendInvitationSchema = z.object(
  {
    inviteeEmail: z.preprocess(
      (v) => (v === undefined || v === null ? "" : v),
      // The registration rule (and wording) for addresses, with this form's own "required".
      z
        .string({ error: "Invitee email must be text." })
        .refine((s) => s.trim().length > 0, "Invitee email is required.")
        .pipe(emailSchema),
    ),
    personalMessage: optionalText("Personal message", PERSONAL_MESSAGE_MAX),
  },
  { error: "The request body must be a JSON object." },
);

export type SendInvitationInput = z.input<typeof sendInvitationSchema>;
