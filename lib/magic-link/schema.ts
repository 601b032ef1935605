import { z } from "zod";
import { EMAIL_MAX } from "../users/field-limits";
import { EMAIL_REQUIRED } from "./messages";

/**
 * The old endpoint refused only a missing email; any other text is answered like an
 * unknown address (nothing is sent to something that is not an address).
 */
export const magicLinkRequestSchema = z.object(
  {
    email: z
      .string({ error: EMAIL_REQUIRED })
      .trim()
      .min(1, EMAIL_REQUIRED)
      .transform((s) => s.slice(0, EMAIL_MAX + 1)),
  },
  { error: EMAIL_REQUIRED },
);

export const isEmailShaped = (s: string) => s.length <= EMAIL_MAX && z.email().safeParse(s).success;
