import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import { limitLinkRequest } from "../security/rate-limits";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";
import { ALREADY_VERIFIED, NO_EMAIL } from "./messages";
import { queueVerificationEmail } from "./send";

/** A signed-in member asks for a new verification link (rate-limited like every link request). No input. */
export async function resendVerification(_input: unknown, ctx: UseCaseContext): Promise<void> {
  const userId = requireSignedIn(ctx).id;
  const { log } = ctx;
  const user = await ctx.db.user.findUnique({ where: { id: userId }, select: { id: true, username: true, email: true, emailVerifiedAt: true } });
  if (!user) throw new DomainError("not_authenticated", "Authentication credentials were not provided.", 401);
  if (user.emailVerifiedAt) throw new DomainError("already_verified", ALREADY_VERIFIED, 400);
  // An account imported without a usable address (docs/django-import.md) has nowhere to send it.
  const { email } = user;
  if (!email) throw new DomainError("no_email", NO_EMAIL, 400);
  await limitLinkRequest("verify", ctx.ip, email, ctx.limiters);
  await inTransaction(ctx.db, (tx) => queueVerificationEmail(tx, { ...user, email }));
  log.info({ event: "email.verification_sent", userId, via: "resend" }, "verification email sent");
}
