import type { Actor } from "../actor";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { parseInput } from "../validation/parse";
import { profilePatchSchema } from "./profile-patch-schema";

/**
 * A person edits their own profile over the API (PUT/PATCH /api/users/profile/): the
 * fields given change (blank clears), the others stay. Role and staff-granted flags are
 * refused by the schema.
 */
export async function patchOwnProfile(input: unknown, actor: Actor, db: Db, log: Logger = logger): Promise<string[]> {
  const data = parseInput(profilePatchSchema, input);
  const changes = Object.fromEntries(Object.entries(data).filter(([, v]) => v !== undefined));
  const { count } = await db.profile.updateMany({
    where: { userId: actor.id, user: { isActive: true } },
    data: { ...changes, updatedAt: new Date() },
  });
  if (count !== 1) throw new DomainError("not_found", "Your account could not be found. Sign in again.", 404);
  const fields = Object.keys(changes);
  log.info({ event: "profile.updated", userId: actor.id, fields, via: "api" }, "profile updated");
  return fields;
}
