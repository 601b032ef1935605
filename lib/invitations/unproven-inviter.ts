import { publicUrl } from "../config/public-base-url";
import { resendVerification } from "../email-verification/resend";
import { DomainError, isDomainError } from "../errors";
import { isRateLimited } from "../security/rate-limits";
import { requireSignedIn, type UseCaseContext } from "../use-case/context";

// An imported teacher's first invitation (issue 22 point 7). Django never proved anyone's
// address, sending needs a proven one (issue 11), and the live frontend has no page to
// prove it. So the refusal is not the end of the road: it emails the teacher a
// verification link right away (rate-limited like every link request) and says so in
// its one sentence, with this app's page where a new link can be asked for. Opening the
// link proves the address; the next send works. docs/cut-over.md describes it.

export const VERIFICATION_LINK_SENT_TO_INVITE =
  "Verify your email address before inviting teachers: we have just emailed you a link to do it; open it, then send the invitation again.";
export const verifyToInviteAgain = (accountUrl: string) =>
  `Verify your email address before inviting teachers: open the link we emailed you, or ask for a new one at ${accountUrl}.`;

/**
 * `err` as the caller should answer it: sendInvitation's "unverified inviter" refusal
 * becomes the same 403 with a verification email sent (or, when one was sent moments
 * ago, a pointer to it); any other error is returned unchanged.
 */
export async function offerVerification(err: unknown, ctx: UseCaseContext): Promise<unknown> {
  if (!isDomainError(err) || err.code !== "email_unverified") return err;
  const { log } = ctx;
  const userId = requireSignedIn(ctx).id;
  try {
    await resendVerification({}, { db: ctx.db, ip: ctx.ip, log, actor: { kind: "member", id: userId, isStaff: false, via: "session" } });
    log.info({ event: "invitation.verification_offered", userId }, "unverified inviter: verification link sent");
    return new DomainError("email_unverified", VERIFICATION_LINK_SENT_TO_INVITE, 403);
  } catch (sendErr) {
    // Rate-limited (a link went out moments ago), no email on the account, or already
    // verified in between: the refusal still says where to go.
    if (!isRateLimited(sendErr) && !isDomainError(sendErr)) throw sendErr;
    return new DomainError("email_unverified", verifyToInviteAgain(publicUrl("/account")), 403);
  }
}
