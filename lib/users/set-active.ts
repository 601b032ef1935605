import { assertStaffActor } from "../auth/guards";
import type { Actor } from "../auth/types";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { parseInput } from "../validation/parse";
import { setActiveSchema } from "./admin-schema";
import { resolveUser } from "./resolve-user";

/**
 * Staff (or the operator) activate or deactivate an account. A deactivated user cannot
 * sign in, their sessions stop working at the next request (sessions re-read the user)
 * and their API token is deleted in the same transaction.
 */
export async function setUserActive(actor: Actor, input: unknown, db: Db, log: Logger = logger) {
  assertStaffActor(actor);
  const { user: ref, active } = parseInput(setActiveSchema, input);
  const target = await resolveUser(db, ref);
  if (!active && target.id === actor.id) {
    throw new DomainError("self_deactivation", "You cannot deactivate your own account.", 400);
  }
  await db.$transaction(async (tx) => {
    await tx.user.update({ where: { id: target.id }, data: { isActive: active }, select: { id: true } });
    if (!active) await tx.apiToken.deleteMany({ where: { userId: target.id } });
  });
  log.info({ event: "user.activation_changed", userId: target.id, active, actorId: actor.id }, "account activation changed");
  return { id: target.id, username: target.username, isActive: active };
}
