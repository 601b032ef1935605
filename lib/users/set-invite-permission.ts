import { assertStaffActor } from "../auth/guards";
import type { Actor } from "../auth/types";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { parseInput } from "../validation/parse";
import { setInvitePermissionSchema } from "./admin-schema";
import { resolveUser } from "./resolve-user";

/** Staff (or the operator) let a user invite teachers, or stop them (canInviteTeachers). */
export async function setCanInviteTeachers(actor: Actor, input: unknown, db: Db, log: Logger = logger) {
  assertStaffActor(actor);
  const { user: ref, allowed } = parseInput(setInvitePermissionSchema, input);
  const target = await resolveUser(db, ref);
  const { count } = await db.profile.updateMany({
    where: { userId: target.id },
    data: { canInviteTeachers: allowed, updatedAt: new Date() },
  });
  if (count !== 1) throw new DomainError("profile_missing", `User "${target.username}" has no profile.`, 409);
  log.info({ event: "user.invite_permission_changed", userId: target.id, allowed, actorId: actor.id }, "invite permission changed");
  return { id: target.id, username: target.username, canInviteTeachers: allowed };
}
