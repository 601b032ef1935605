import { DomainError } from "../errors";
import { removeSecondFactors } from "../two-factor/disable";
import { afterTwoFactorChange } from "../two-factor/notify";
import { resetTwoFactorSchema } from "./schemas";
import { parseStaffInput, staffAction, staffActor } from "./staff-action";
import type { UseCaseContext } from "../use-case/context";

// Staff reset a member's second factor when they lost their device and their recovery
// codes (after checking who they are, outside this system). Emailed to the member, every
// session and token of theirs ended (whoever holds them now must sign in again). Another
// staff account's: a superuser (staffAction's rule: otherwise one stolen staff account
// could strip every other staff member's second factor); the operator's CLI: anyone's.

export const OWN_RESET = "Turn your own two-factor authentication off on your security page.";

export async function resetTwoFactorByStaff(input: unknown, ctx: UseCaseContext): Promise<{ userId: number; username: string; hadSecondFactor: boolean; revoked: number }> {
  const { userId, reason } = parseStaffInput(ctx, resetTwoFactorSchema, input);
  if (userId === staffActor(ctx).id) throw new DomainError("own_reset", OWN_RESET, 400);
  return staffAction(ctx, { userId, reason, action: "two_factor.reset_by_staff" }, async (tx, target) => {
    const had = (await tx.totpCredential.count({ where: { userId, confirmedAt: { not: null } } })) + (await tx.passkey.count({ where: { userId } })) > 0;
    await removeSecondFactors(tx, userId);
    // The lost device may hold their passkeys too: a reset removes every second factor.
    await tx.passkey.deleteMany({ where: { userId } });
    const sessions = await tx.session.deleteMany({ where: { userId } });
    const tokens = await tx.apiToken.deleteMany({ where: { userId } });
    await afterTwoFactorChange(tx, "two_factor.reset_by_staff", userId);
    return {
      result: { userId, username: target.username, hadSecondFactor: had, revoked: sessions.count + tokens.count },
      details: { hadSecondFactor: had, sessions: sessions.count, tokens: tokens.count },
    };
  });
}
