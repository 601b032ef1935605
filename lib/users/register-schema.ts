import { z } from "zod";
import { optionalText, text } from "../validation/text";
import { BIO_MAX, EMAIL_MAX, USERNAME_MAX } from "./field-limits";
import { MAX_PASSWORD_LENGTH, passwordProblems } from "./password-policy";

// The one schema for sign-up input, shared by the JSON route, the signup page's server
// action and the operator CLI.

export const REQUIRED_MESSAGE = "Username, email, and password are required.";
export const ROLES = ["explorer", "guide", "both"] as const;
export type Role = (typeof ROLES)[number];

export { BIO_MAX, EMAIL_MAX, USERNAME_MAX };

// Django's username rule: letters, digits and @ . + - _ (Unicode letters allowed).
const USERNAME_PATTERN = /^[\p{L}\p{M}\p{N}@.+\-_]+$/u;

function required(label: string, max: number) {
  return text(label, { max, required: REQUIRED_MESSAGE }).refine(
    (s) => s.trim().length > 0,
    REQUIRED_MESSAGE,
  );
}

/** Lower-cases the domain part only, as Django's normalize_email does. */
export function normalizeEmail(email: string): string {
  const at = email.lastIndexOf("@");
  return at < 0 ? email : email.slice(0, at) + email.slice(at).toLowerCase();
}

export const usernameSchema = required("Username", USERNAME_MAX)
  .transform((s) => s.trim().normalize("NFKC"))
  .refine((s) => s.length <= USERNAME_MAX, `Username must be at most ${USERNAME_MAX} characters.`)
  .refine(
    (s) => USERNAME_PATTERN.test(s),
    "Username may contain only letters, digits and @ . + - _ characters.",
  );

export const emailSchema = required("Email", EMAIL_MAX)
  .transform((s) => s.trim())
  .pipe(z.email({ error: "Enter a valid email address." }))
  .transform(normalizeEmail);

export const registerSchema = z
  .object(
    {
      username: usernameSchema,
      email: emailSchema,
      // Not trimmed: spaces are part of a password.
      password: required("Password", MAX_PASSWORD_LENGTH),
      role: z.preprocess(
        (v) => (v === undefined || v === null || v === "" ? "explorer" : v),
        z.enum(ROLES, { error: "Role must be one of: explorer, guide, both." }),
      ),
      bio: optionalText("Bio", BIO_MAX),
      // The language of the page signed up on (Profile.locale, so the first email and the
      // next page match it). Not part of the old contract: anything but "ja" is English.
      locale: z.preprocess((v) => (v === "ja" ? "ja" : "en"), z.enum(["en", "ja"])),
    },
    { error: "The request body must be a JSON object." },
  )
  .superRefine((data, ctx) => {
    const [problem] = passwordProblems(data.password, { username: data.username, email: data.email });
    if (problem) ctx.addIssue({ code: "custom", path: ["password"], message: problem });
  });

export type RegisterInput = z.input<typeof registerSchema>;
export type RegisterData = z.output<typeof registerSchema>;
