import { z } from "zod";
import { text } from "../validation/text";

// Schemas for staff/operator changes to a user, shared by the admin page and the CLI.

/** A user named by username or email (any letter case). */
export const userRefSchema = text("User", { max: 300, required: "Name a user by username or email." })
  .transform((s) => s.trim().normalize("NFKC"))
  .refine((s) => s.length > 0, "Name a user by username or email.");

function flag(label: string) {
  return z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")], {
    error: `${label} must be true or false.`,
  });
}

export const setActiveSchema = z.object({ user: userRefSchema, active: flag("Active") }, { error: "Say which user and true or false." });
export const setInvitePermissionSchema = z.object(
  { user: userRefSchema, allowed: flag("Invite permission") },
  { error: "Say which user and true or false." },
);
