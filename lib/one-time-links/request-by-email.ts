import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";
import { inTransaction } from "../db/transaction";
import type { Logger } from "../log/logger";
import { isRateLimited, limitLinkRequest, type Limiters } from "../security/rate-limits";
import type { LinkPurpose } from "./config";
import { accountByEmail, type LinkAccount } from "./find-account";
import { issueNoLink } from "./issue";

export interface LinkRequestContext {
  db: Db;
  ip: string;
  log?: Logger;
  limiters?: Limiters;
}

/**
 * The body of every "email me a link" request (password reset, magic link). The answer
 * and its time are the same whether or not an account has the address: the request is
 * counted per address and per email before the lookup, and an address without an
 * eligible account gets a transaction of the same shape that writes nothing
 * (issueNoLink). Returns the account that was sent a link, or null (also when a link
 * went to this address moments ago: see limitLinkRequest).
 */
export async function requestLinkByEmail(
  ctx: LinkRequestContext,
  request: {
    purpose: LinkPurpose;
    /** The rate limiter's name for this kind of request. */
    limit: string;
    /** The event logged when a request is over its limit, e.g. "password_reset.rate_limited". */
    limitedEvent: string;
    email: string;
    /** False skips the lookup (an address that cannot be anyone's); the work stays the same. */
    lookup?: boolean;
    eligible(account: LinkAccount): boolean;
    send(tx: Tx, account: LinkAccount): Promise<void>;
  },
): Promise<LinkAccount | null> {
  let mail: boolean;
  try {
    mail = await limitLinkRequest(request.limit, ctx.ip, request.email, ctx.limiters);
  } catch (err) {
    if (isRateLimited(err)) ctx.log?.warn({ event: request.limitedEvent, retryAfter: err.retryAfterSeconds }, "link request refused: too many requests");
    throw err;
  }
  // Within the mail interval the lookup and the transaction still run (the same work
  // and time either way); only the email is not sent.
  if (!mail) ctx.log?.info({ event: "link_request.deduplicated", purpose: request.purpose }, "a link was mailed to this address moments ago; nothing sent");
  const account = request.lookup === false ? null : await accountByEmail(ctx.db, request.email);
  const eligible = mail && account && request.eligible(account) ? account : null;
  await inTransaction(ctx.db, async (tx) => {
    if (!eligible) return issueNoLink(tx, request.purpose, request.email);
    await request.send(tx, eligible);
  });
  return eligible;
}
