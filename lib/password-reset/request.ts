import type { Tx } from "../db/transaction";
import { logger, maskEmail } from "../log/logger";
import { translator } from "../i18n/translator";
import { mailLink } from "../one-time-links/mail-link";
import { requestLinkByEmail, type LinkRequestContext } from "../one-time-links/request-by-email";
import { parseInput } from "../validation/parse";
import { resetRequestSchema } from "./schema";
import { mayResetPassword } from "./view";

/**
 * Someone asks for a password reset link; the same answer (and time) whether or not an
 * account has the address (requestLinkByEmail). A staff-deactivated account gets no
 * link; a self-deactivated one does (the reset reactivates it). The email is queued in
 * the transaction that issues the link, which replaces any earlier reset link.
 */
export async function requestPasswordReset(input: unknown, ctx: LinkRequestContext): Promise<void> {
  const log = ctx.log ?? logger;
  const { email } = parseInput(resetRequestSchema, input);
  const sent = await requestLinkByEmail(ctx, {
    purpose: "reset",
    limit: "reset",
    limitedEvent: "password_reset.rate_limited",
    email,
    eligible: mayResetPassword,
    send: queueResetEmail,
  });
  log.info(
    { event: "password_reset.requested", emailMasked: maskEmail(email), matched: !!sent, userId: sent?.id },
    "password reset requested",
  );
}

/**
 * Issues a reset link for the account (replacing any earlier one) and queues its email,
 * in the caller's transaction: the person's own request above, or staff's (send-by-staff.ts).
 */
export async function queueResetEmail(tx: Tx, account: { id: number; username: string; email: string }): Promise<void> {
  await mailLink(tx, account, "reset", (locale) => {
    const t = translator(locale);
    return {
      kind: "password_reset.requested",
      subject: t("mail.reset.subject"),
      text: (link, minutes) =>
        `${t("mail.greeting", { name: account.username })}\n\n${t("mail.reset.body")}\n\n` +
        `${t("mail.reset.choose", { link })}\n\n` +
        `${t("mail.reset.expiry", { minutes })}\n` +
        `${t("mail.reset.ignore")}\n`,
    };
  });
}
