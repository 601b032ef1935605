import { z } from "zod";
import { LOCALES } from "../i18n/config";

/** Viewing and accepting by token. A malformed token is looked up as unknown, not refused as input. */
export const invitationTokenSchema = z.object(
  {
    token: z
      .string({ error: "The invitation token is required." })
      .trim()
      .min(1, "The invitation token is required.")
      .max(200, "This invitation link is not valid."),
  },
  { error: "The request body must be a JSON object." },
);

export type InvitationTokenInput = z.input<typeof invitationTokenSchema>;

/** Signing up from an invitation page: the token plus the sign-up fields (validated by registerSchema, email taken from the invitation). */
export const registerAndAcceptSchema = z.object(
  {
    token: invitationTokenSchema.shape.token,
    username: z.unknown().optional(),
    password: z.unknown().optional(),
    role: z.unknown().optional(),
    bio: z.unknown().optional(),
    /** The language the invitation page was read in: the new member's saved language (their emails, their pages). */
    locale: z.enum(LOCALES, { error: "Choose English or Japanese." }).optional(),
  },
  { error: "The request body must be a JSON object." },
);

export type RegisterAndAcceptInput = z.input<typeof registerAndAcceptSchema>;
