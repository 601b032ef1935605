import { recordAudit } from "../audit/record";
import type { Tx } from "../db/transaction";
import { enqueueEmail } from "../outbox/enqueue";
import { publicUrl } from "../config/public-base-url";
import { translator } from "../i18n/translator";
import { recipientLocale } from "../mail/recipient-locale";

// Every change of a second factor is audited and mailed to the member, in the
// transaction of the change: someone who stole a password and a session cannot turn
// 2FA off or swap it without the owner hearing of it.

// The mail's sentence and subject per event (lib/i18n/messages/<locale>/mail.json, twoFactor).
const KEYS = {
  "two_factor.enabled": { sentence: "mail.twoFactor.enabled", subject: "mail.twoFactor.enabledSubject" },
  "two_factor.disabled": { sentence: "mail.twoFactor.disabled", subject: "mail.twoFactor.disabledSubject" },
  "two_factor.recovery_codes_regenerated": { sentence: "mail.twoFactor.recoveryCodes", subject: "mail.twoFactor.recoveryCodesSubject" },
  "two_factor.reset_by_staff": { sentence: "mail.twoFactor.resetByStaff", subject: "mail.twoFactor.resetByStaffSubject" },
  "two_factor.passkey_added": { sentence: "mail.twoFactor.passkeyAdded", subject: "mail.twoFactor.passkeyAddedSubject" },
  "two_factor.passkey_removed": { sentence: "mail.twoFactor.passkeyRemoved", subject: "mail.twoFactor.passkeyRemovedSubject" },
} as const;

export type TwoFactorEvent = keyof typeof KEYS;

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
  const t = translator(await recipientLocale(tx, userId));
  const keys = KEYS[event];
  await enqueueEmail(tx, {
    kind: event,
    to: user.email,
    subject: t(keys.subject),
    text:
      `${t("mail.greeting", { name: user.username })}\n\n${t(keys.sentence)}\n\n` +
      `${t("mail.twoFactor.notYou", { url: publicUrl("/forgot-password") })}\n\n` +
      `${t("mail.twoFactor.settings", { url: publicUrl("/account/security") })}\n`,
  });
}
