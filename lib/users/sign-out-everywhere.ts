import { z } from "zod";
import { auditActorId, requireActiveStaff, requireMayActOn, requireStaffFlag, type Actor } from "../actor";
import { recordAudit } from "../audit/record";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { idSchema } from "../validation/pagination";
import { parseInput } from "../validation/parse";
import { staffReason } from "./admin-schema";

// Staff end every session and API token of one account (the admin users list's
// "Sign out everywhere"). Audited; the account itself stays as it is. Another staff
// account or a superuser: only a superuser (requireMayActOn).

export const signOutEverywhereSchema = z.object({ userId: idSchema("User id"), reason: staffReason() }, { error: "The request body must be a JSON object." });

export async function signOutEverywhere(input: unknown, actor: Actor, db: Db, log: Logger = logger): Promise<{ userId: number; username: string; revoked: number }> {
  requireStaffFlag(actor);
  const { userId, reason } = parseInput(signOutEverywhereSchema, input);
  const result = await inTransaction(db, async (tx) => {
    await requireActiveStaff(tx, actor);
    const rows = await tx.$queryRaw<{ username: string; isStaff: boolean; isSuperuser: boolean }[]>`
      SELECT "username", "isStaff", "isSuperuser" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!rows[0]) throw new DomainError("user_not_found", "No such user.", 404);
    await requireMayActOn(tx, actor, { id: userId, ...rows[0] });
    const sessions = await tx.session.deleteMany({ where: { userId } });
    const tokens = await tx.apiToken.deleteMany({ where: { userId } });
    await tx.trustedBrowser.deleteMany({ where: { userId } }); // and "trust this browser" (issue 20)
    const revoked = sessions.count + tokens.count;
    await recordAudit(tx, { actorId: auditActorId(actor), action: "session.revoked_all", targetType: "User", targetId: userId, notes: reason ?? null, details: { sessions: sessions.count, tokens: tokens.count } });
    return { userId, username: rows[0].username, revoked };
  });
  log.info({ event: "session.revoked_all", userId, revoked: result.revoked, actorId: actor.id }, "staff signed a user out everywhere");
  return result;
}
