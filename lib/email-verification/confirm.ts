import { recordAudit } from "../audit/record";
import { inTransaction } from "../db/transaction";
import { signedInId, type UseCaseContext } from "../use-case/context";
import { fieldOf } from "../use-case/input";
import { consumeLink } from "../one-time-links/consume";
import { proveMailbox } from "../users/prove-mailbox";
import { invalidVerificationLink } from "./messages";

/**
 * The person pressed the button of their verification link: the link is spent and the
 * address marked proven in one transaction (consumeLink only matches while the account's
 * email is still the one the link was mailed to).
 *
 * Pressed in a browser signed in to that account (ctx.actor), it only proves the
 * address: whoever set the password also holds the mailbox. Pressed anywhere else, the
 * mailbox's owner may not be whoever registered the address, so proveMailbox first removes
 * the password, sessions, tokens and Google link set before the proof and mails a reset
 * link (issue 18: one owner per address).
 */
export async function confirmEmail(input: unknown, ctx: UseCaseContext): Promise<{ userId: number; evicted: boolean }> {
  const { log } = ctx;
  const signedIn = signedInId(ctx);
  const outcome = await inTransaction(ctx.db, async (tx) => {
    const id = await consumeLink(tx, { uid: fieldOf(input, "uid"), token: fieldOf(input, "token"), purpose: "verify_email" });
    if (id === null) throw invalidVerificationLink();
    const proof = await proveMailbox(tx, id, "verification_link", { ownerPresent: signedIn === id });
    await recordAudit(tx, { actorId: id, action: "email.verified", targetType: "User", targetId: id, details: { via: "verification_link" } });
    return { id, proof };
  });
  const { id: userId, proof } = outcome;
  if (proof.evicted) log.warn({ event: "account.claimed_by_mailbox", userId, via: "verification_link", sessionsEnded: proof.ended }, "unproven account claimed by its mailbox");
  log.info({ event: "email.verified", userId, via: "verification_link" }, "email verified");
  return { userId, evicted: proof.evicted };
}
