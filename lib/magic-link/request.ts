import { logger, maskEmail } from "../log/logger";
import { mailLink } from "../one-time-links/mail-link";
import { requestLinkByEmail, type LinkRequestContext } from "../one-time-links/request-by-email";
import { parseInput } from "../validation/parse";
import { EMAIL_REQUIRED } from "./messages";
import { isEmailShaped, magicLinkRequestSchema } from "./schema";

/**
 * Someone asks for a sign-in link. Same answer, counting and shape of work for every
 * address (requestLinkByEmail); only an active account gets a link. The link leads to
 * /magic-login/<uid>/<token>/, whose button signs the browser in.
 */
export async function requestMagicLink(input: unknown, ctx: LinkRequestContext): Promise<void> {
  const log = ctx.log ?? logger;
  const { email } = parseInput(magicLinkRequestSchema, input, EMAIL_REQUIRED);
  const sent = await requestLinkByEmail(ctx, {
    purpose: "magic_login",
    limit: "magic",
    email,
    lookup: isEmailShaped(email),
    eligible: (account) => account.isActive,
    send: (tx, account) =>
      mailLink(tx, account, "magic_login", {
        kind: "magic_link.requested",
        subject: "Your Zporta Academy sign-in link",
        text: (link, minutes) =>
          `Hello ${account.username},\n\nSign in to Zporta Academy: ${link}\n\n` +
          `The link works once, for ${minutes} minutes. If you did not ask for it, ignore this email.\n`,
      }),
  });
  log.info({ event: "magic_link.requested", emailMasked: maskEmail(email), matched: !!sent, userId: sent?.id }, "magic link requested");
}
