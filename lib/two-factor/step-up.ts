import type { Credential } from "../auth/who/request";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import type { Logger } from "../log/logger";
import { countCodeAttempt, forgetCodeAttempts } from "./attempts";
import { INVALID_CODE } from "./messages";
import { spendCode } from "./spend-code";
import { secondFactorMethods } from "./status";

// Step-up (issue 20 point 6): with a second factor on, changing the password, deleting
// the account, "view as", making someone staff and the CSV export need a second factor
// proven on this very session or token within the last 10 minutes. The proof is the
// credential's "secondFactorAt": set when it was made by a sign-in that passed a second
// step (or a passkey), or by a code confirmed in place ("Confirm it's you", or `code` in
// an API body). A stolen session or token that never saw a code cannot do these things.

export const STEP_UP_MINUTES = 10;
export const STEP_UP_REQUIRED =
  "Confirm it's you first: enter a code from your authenticator app (or a recovery code) under “Confirm it's you”, or send it as “code”.";

/** An account whose only second factor is a passkey proves it by signing in with it. */
export const STEP_UP_WITH_PASSKEY = "Confirm it's you first: sign out and sign in again with your passkey (that counts for 10 minutes).";

/** Marks `credential` as having just passed a second factor. */
export async function recordSecondFactor(db: Db, credential: Credential): Promise<void> {
  if (credential.kind === "browser") await db.$executeRaw`UPDATE "Session" SET "secondFactorAt" = now() WHERE "id" = ${credential.id}`;
  else await db.$executeRaw`UPDATE "ApiToken" SET "secondFactorAt" = now() WHERE "id" = ${credential.id}`;
}

async function recentlyProven(db: Db, credential: Credential): Promise<boolean> {
  const rows =
    credential.kind === "browser"
      ? await db.$queryRaw<{ ok: boolean }[]>`
          SELECT "secondFactorAt" > now() - make_interval(mins => ${STEP_UP_MINUTES}::int) AS ok FROM "Session" WHERE "id" = ${credential.id}`
      : await db.$queryRaw<{ ok: boolean }[]>`
          SELECT "secondFactorAt" > now() - make_interval(mins => ${STEP_UP_MINUTES}::int) AS ok FROM "ApiToken" WHERE "id" = ${credential.id}`;
  return rows[0]?.ok === true;
}

/**
 * Confirms a code for this credential ("Confirm it's you"): spent like any code (once,
 * counted per account), then the credential carries the proof for 10 minutes.
 */
export async function confirmSecondFactor(db: Db, userId: number, credential: Credential, code: unknown, log?: Logger): Promise<void> {
  if (typeof code !== "string" || !code.trim() || code.length > 64) throw new DomainError("invalid_code", INVALID_CODE, 400);
  await countCodeAttempt(userId);
  if (!(await spendCode(db, userId, code.trim()))) {
    log?.info({ event: "two_factor.code_refused", userId, during: "step_up" }, "code refused");
    throw new DomainError("invalid_code", INVALID_CODE, 400);
  }
  await forgetCodeAttempts(userId);
  await recordSecondFactor(db, credential);
  log?.info({ event: "two_factor.step_up", userId, kind: credential.kind }, "second factor confirmed for a sensitive action");
}

/**
 * The gate of each sensitive action. No second factor on the account: nothing to ask.
 * Otherwise the credential's proof must be under 10 minutes old, or `code` (an API
 * body's) is confirmed in place; else a 403 saying how.
 */
export async function requireRecentSecondFactor(db: Db, userId: number, credential: Credential | null, code?: unknown, log?: Logger): Promise<void> {
  const methods = await secondFactorMethods(db, userId);
  if (!methods.includes("totp") && !methods.includes("passkey")) return;
  if (credential && (await recentlyProven(db, credential))) return;
  if (credential && code !== undefined && code !== null && code !== "") return confirmSecondFactor(db, userId, credential, code, log);
  throw new DomainError("step_up_required", methods.includes("totp") ? STEP_UP_REQUIRED : STEP_UP_WITH_PASSKEY, 403);
}

/** The `code` field of an input, if it has one (the use cases' schemas ignore it). */
export function stepUpCode(input: unknown): unknown {
  return input && typeof input === "object" && !Array.isArray(input) ? (input as { code?: unknown }).code : undefined;
}

/** For pages: whether to offer "Confirm it's you" (the account has a second factor) and whether this credential's proof is fresh. */
export async function stepUpStatus(db: Db, userId: number, credential: Credential): Promise<{ offered: boolean; fresh: boolean }> {
  const methods = await secondFactorMethods(db, userId);
  if (!methods.includes("totp") && !methods.includes("passkey")) return { offered: false, fresh: true };
  return { offered: methods.includes("totp"), fresh: await recentlyProven(db, credential) };
}
