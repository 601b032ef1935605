import { recordAudit } from "../audit/record";
import type { Tx } from "../db/transaction";
import { enqueueEmail } from "../outbox/enqueue";
import { publicUrl } from "../config/public-base-url";

// Every change of a second factor is audited and mailed to the member, in the
// transaction of the change: someone who stole a password and a session cannot turn
// 2FA off or swap it without the owner hearing of it.

const SENTENCES = {
  "two_factor.enabled": "Two-factor authentication was turned on for your account (authenticator app).",
  "two_factor.disabled": "Two-factor authentication was turned off for your account.",
  "two_factor.recovery_codes_regenerated": "New recovery codes were made for your account; the old ones no longer work.",
  "two_factor.reset_by_staff": "Two-factor authentication was turned off for your account by our staff.",
  "two_factor.passkey_added": "A passkey was added to your account.",
  "two_factor.passkey_removed": "A passkey was removed from your account.",
} as const;

export type TwoFactorEvent = keyof typeof SENTENCES;

export async function recordTwoFactorChange(
  tx: Tx,
  event: TwoFactorEvent,
  opts: { userId: number; actorId: number | null; notes?: string | null; details?: Record<string, string | number | boolean> },
): Promise<void> {
  await recordAudit(tx, { actorId: opts.actorId, action: event, targetType: "User", targetId: opts.userId, notes: opts.notes ?? null, details: opts.details });
  await afterTwoFactorChange(tx, event, opts.userId);
}

/**
 * What follows any change of the factors, without the audit row (the staff reset's row is
 * written by lib/admin's staffAction): trusted browsers end, the member is emailed.
 */
export async function afterTwoFactorChange(tx: Tx, event: TwoFactorEvent, userId: number): Promise<void> {
  // Any change of the factors ends the browsers trusted to skip them.
  await tx.trustedBrowser.deleteMany({ where: { userId } });
  const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true, username: true } });
  if (!user?.email) return;
  const sentence = SENTENCES[event];
  await enqueueEmail(tx, {
    kind: event,
    to: user.email,
    subject: sentence.replace(/ for your account.*$/, "").replace(/\.$/, ""),
    text: `Hello ${user.username},\n\n${sentence}\n\nIf this was not you, reset your password at ${publicUrl("/forgot-password")} and contact us.\n\nYour security settings: ${publicUrl("/account/security")}\n`,
  });
}
