import { maskEmail } from "../log/logger";
import { translator } from "../i18n/translator";
import { mailLink } from "../one-time-links/mail-link";
import { requestLinkByEmail } from "../one-time-links/request-by-email";
import type { UseCaseContext } from "../use-case/context";
import { appReturnTarget } from "../sign-in-exchange/return-to";
import { parseInput } from "../validation/parse";
import { EMAIL_REQUIRED } from "./messages";
import { isEmailShaped, magicLinkRequestSchema } from "./schema";

/**
 * Someone asks for a sign-in link. Same answer, counting and shape of work for every
 * address (requestLinkByEmail); only an active account gets a link. The link leads to
 * /magic-login/<uid>/<token>/, whose button signs the browser in.
 */
export async function requestMagicLink(input: unknown, ctx: UseCaseContext): Promise<void> {
  const { log } = ctx;
  const { email } = parseInput(magicLinkRequestSchema, input, EMAIL_REQUIRED);
  // The platform's single-page app may ask to get the sign-in back ({"redirect": an
  // address on CORS_ALLOWED_ORIGINS}): the link carries it to the page, which then sends
  // the browser there with an exchange code (lib/sign-in-exchange). Anything else is ignored.
  const returnTo = appReturnTarget(typeof input === "object" && input !== null ? (input as Record<string, unknown>).redirect : undefined);
  const suffix = returnTo ? `?redirect=${encodeURIComponent(returnTo.toString())}` : "";
  const sent = await requestLinkByEmail(ctx, {
    purpose: "magic_login",
    limit: "magic",
    limitedEvent: "magic_link.rate_limited",
    email,
    lookup: isEmailShaped(email),
    eligible: (account) => account.isActive,
    send: (tx, account) =>
      mailLink(tx, account, "magic_login", (locale) => {
        const t = translator(locale);
        return {
          kind: "magic_link.requested",
          subject: t("mail.magicLink.subject"),
          text: (link, minutes) =>
            `${t("mail.greeting", { name: account.username })}\n\n${t("mail.magicLink.signIn", { link: `${link}${suffix}` })}\n\n` +
            `${t("mail.magicLink.expiry", { minutes })}\n`,
        };
      }),
  });
  log.info({ event: "magic_link.requested", emailMasked: maskEmail(email), matched: !!sent, userId: sent?.id }, "magic link requested");
}
