import { inTransaction } from "../db/transaction";
import { logger, maskEmail } from "../log/logger";
import { linkTtlMinutes } from "../one-time-links/config";
import { accountByEmail } from "../one-time-links/find-account";
import { issueLink, issueNoLink } from "../one-time-links/issue";
import { LINK_PAGES, linkUrl } from "../one-time-links/token";
import { enqueueEmail } from "../outbox/enqueue";
import type { LinkRequestContext } from "../password-reset/request";
import { limitLinkRequest } from "../security/rate-limits";
import { parseInput } from "../validation/parse";
import { EMAIL_REQUIRED } from "./messages";
import { isEmailShaped, magicLinkRequestSchema } from "./schema";

/**
 * Someone asks for a sign-in link. Same answer, counting and shape of work for every
 * address (see requestPasswordReset); only an active account gets a link. The link leads
 * to /magic-login/<uid>/<token>/, whose button signs the browser in.
 */
export async function requestMagicLink(input: unknown, ctx: LinkRequestContext): Promise<void> {
  const log = ctx.log ?? logger;
  const { email } = parseInput(magicLinkRequestSchema, input, EMAIL_REQUIRED);
  await limitLinkRequest("magic", ctx.ip, email, ctx.limiters);
  const account = isEmailShaped(email) ? await accountByEmail(ctx.db, email) : null;
  const eligible = account?.isActive ? account : null;
  await inTransaction(ctx.db, async (tx) => {
    if (!eligible) return issueNoLink(tx, "magic_login", email);
    const secret = await issueLink(tx, { userId: eligible.id, email: eligible.email, purpose: "magic_login" });
    const minutes = linkTtlMinutes("magic_login");
    await enqueueEmail(tx, {
      kind: "magic_link.requested",
      to: eligible.email,
      subject: "Your Zporta Academy sign-in link",
      text:
        `Hello ${eligible.username},\n\nSign in to Zporta Academy: ${linkUrl(LINK_PAGES.magic_login, eligible.id, secret)}\n\n` +
        `The link works once, for ${minutes} minutes. If you did not ask for it, ignore this email.\n`,
      secret,
    });
  });
  log.info({ event: "magic_link.requested", emailMasked: maskEmail(email), matched: !!eligible, userId: eligible?.id }, "magic link requested");
}
