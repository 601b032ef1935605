import { issueApiToken } from "../auth/credentials/api-tokens";
import { inTransaction } from "../db/transaction";
import { DomainError } from "../errors";
import type { UseCaseContext } from "../use-case/context";
import { limitTokenIssuance } from "../security/rate-limits";
import { parseInput } from "../validation/parse";
import { EXCHANGE_CODE_PATTERN, hashExchangeCode } from "./code";
import { exchangeSchema } from "./exchange-schema";
import { EXCHANGE_CODE_REQUIRED, INVALID_EXCHANGE_CODE } from "./messages";

/** `origin`: the request's Origin header; a code is swapped only from the origin it was sent to. */
export type ExchangeContext = UseCaseContext & { origin: string | null };

const invalid = () => new DomainError("invalid_exchange_code", INVALID_EXCHANGE_CODE, 400);

/**
 * `POST /api/users/magic-link/exchange/ {"code"}`: the single-page app swaps the code a
 * magic link sent it for an API token. One conditional UPDATE spends the code (unused,
 * unexpired, this origin), and the token is issued in the same transaction with the
 * code's credential stamp: a password changed since, a deactivated account or a second
 * swap of the same code gets the same one sentence, and a failure half-way spends nothing.
 * The account's token budget (TOKEN_MAX_PER_ACCOUNT) counts these tokens as sign-ins do.
 * Returns the user's id and the token.
 */
export async function exchangeSignInCode(input: unknown, ctx: ExchangeContext): Promise<{ userId: number; token: string }> {
  const { log } = ctx;
  const { code } = parseInput(exchangeSchema, input, EXCHANGE_CODE_REQUIRED);
  if (!EXCHANGE_CODE_PATTERN.test(code) || !ctx.origin) throw invalid();
  const origin = ctx.origin;
  const codeHash = hashExchangeCode(code);
  // The account's token budget, as at sign-in: over it, a 429 and the code stays unspent.
  // Counted before the transaction, never inside it: the limiter has its own connection,
  // and a transaction waiting for one while simultaneous swaps hold the pool (each queued
  // on this code's row lock) would stall them all (a fast path: the UPDATE below decides).
  const [live] = await ctx.db.$queryRaw<{ userId: number }[]>`
    SELECT "userId" FROM "SignInExchangeCode"
    WHERE "codeHash" = ${codeHash} AND "usedAt" IS NULL AND "expiresAt" > now() AND "origin" = ${origin}`;
  if (live) await limitTokenIssuance(live.userId, log, ctx.limiters);
  const outcome = !live ? null : await inTransaction(ctx.db, async (tx) => {
    // Of simultaneous swaps, the first UPDATE to reach the row spends it; the others wait
    // for its commit, then match nothing (usedAt is set) and are refused.
    const spent = await tx.$queryRaw<{ userId: number; credentialStamp: string }[]>`
      UPDATE "SignInExchangeCode" SET "usedAt" = now()
      WHERE "codeHash" = ${codeHash} AND "usedAt" IS NULL AND "expiresAt" > now() AND "origin" = ${origin}
      RETURNING "userId", "credentialStamp"`;
    if (spent.length !== 1) return null;
    const { userId, credentialStamp } = spent[0];
    try {
      const token = await issueApiToken(tx, userId, undefined, { ip: ctx.ip, userAgent: ctx.userAgent ?? null }, { credentialStamp });
      return { userId, token };
    } catch (err) {
      // issueApiToken's refusal (inactive, password changed): undo the spending too.
      if (err instanceof DomainError) throw Object.assign(invalid(), { cause: err });
      throw err;
    }
  });
  if (!outcome) {
    log.warn({ event: "sign_in_exchange.refused" }, "exchange code refused: unknown, spent, expired or another origin");
    throw invalid();
  }
  log.info({ event: "sign_in_exchange.used", userId: outcome.userId }, "exchange code swapped for an API token");
  return outcome;
}
