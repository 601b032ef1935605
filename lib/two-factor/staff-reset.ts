import { z } from "zod";
import { auditActorId, isOperator, requireActiveStaff, requireStaffFlag, type Actor } from "../actor";
import type { Db } from "../db/client";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { idSchema } from "../validation/pagination";
import { parseInput } from "../validation/parse";
import { removeSecondFactors } from "./disable";
import { recordTwoFactorChange } from "./notify";

// Staff reset a member's second factor when they lost their device and their recovery
// codes (after checking who they are, outside this system). Audited with the reason, the
// member emailed, every session and token of theirs ended (whoever holds them now must
// sign in again). A staff member's reset needs a superuser: otherwise one stolen staff
// account could strip every other staff member's second factor. The operator CLI can
// reset anyone's.

const REASON_MAX = 500; // as every staff action's reason (lib/users/admin-schema.ts)

export const SUPERUSER_FOR_STAFF_RESET = "Only a superuser can reset a staff member's two-factor authentication.";
export const OWN_RESET = "Turn your own two-factor authentication off on your security page.";

export const staffResetSchema = z.object(
  {
    userId: idSchema("User id"),
    reason: z.string({ error: "Give a reason." }).trim().min(1, "Give a reason.").max(REASON_MAX, `The reason must be at most ${REASON_MAX} characters.`),
  },
  { error: "The request body must be a JSON object." },
);

export async function resetTwoFactorByStaff(
  input: unknown,
  actor: Actor,
  db: Db,
  log: Logger = logger,
): Promise<{ userId: number; username: string; hadSecondFactor: boolean; revoked: number }> {
  requireStaffFlag(actor);
  const { userId, reason } = parseInput(staffResetSchema, input);
  if (userId === actor.id) throw new DomainError("own_reset", OWN_RESET, 400);
  const result = await inTransaction(db, async (tx) => {
    await requireActiveStaff(tx, actor);
    const rows = await tx.$queryRaw<{ username: string; isStaff: boolean }[]>`
      SELECT "username", "isStaff" FROM "User" WHERE "id" = ${userId} FOR UPDATE`;
    if (!rows[0]) throw new DomainError("user_not_found", "No such user.", 404);
    if (rows[0].isStaff && !isOperator(actor)) {
      const me = await tx.user.findUnique({ where: { id: actor.id }, select: { isSuperuser: true } });
      if (!me?.isSuperuser) throw new DomainError("superuser_required", SUPERUSER_FOR_STAFF_RESET, 403);
    }
    const had = (await tx.totpCredential.count({ where: { userId, confirmedAt: { not: null } } })) + (await tx.passkey.count({ where: { userId } })) > 0;
    await removeSecondFactors(tx, userId);
    // The lost device may hold their passkeys too: a reset removes every second factor.
    await tx.passkey.deleteMany({ where: { userId } });
    const sessions = await tx.session.deleteMany({ where: { userId } });
    const tokens = await tx.apiToken.deleteMany({ where: { userId } });
    await recordTwoFactorChange(tx, "two_factor.reset_by_staff", {
      userId,
      actorId: auditActorId(actor),
      notes: reason,
      details: { hadSecondFactor: had, sessions: sessions.count, tokens: tokens.count },
    });
    return { userId, username: rows[0].username, hadSecondFactor: had, revoked: sessions.count + tokens.count };
  });
  log.info({ event: "two_factor.reset_by_staff", userId, actorId: actor.id, revoked: result.revoked }, "two-factor authentication reset by staff");
  return result;
}
