import { hashApiToken } from "../../auth/credentials/api-tokens";
import { deleteSessionBySecret } from "../../auth/credentials/session-rows";
import type { Db } from "../../db/client";
import type { Logger } from "../../log/logger";
import { browserSecondStep } from "../browser-step";
import { startSecondStep, type SecondStep } from "./start";

/**
 * Google sign-in (lib/google-login, which makes a token and, for the site itself, a
 * session) for an account with a second factor: both are deleted before the answer, and
 * a second step starts instead: the browser gets the pending cookie (unless it is
 * trusted, then null: signed in), an API client the mfa_token for /api/users/login/2fa/.
 */
export async function googleSecondStep(
  db: Db,
  opts: { userId: number; token: string; sessionSecret?: string; browser: boolean; log: Logger },
): Promise<SecondStep | null> {
  const step = opts.browser ? await browserSecondStep({ id: opts.userId }, opts.log) : await startSecondStep(db, opts.userId, { log: opts.log });
  if (!step) return null;
  await db.apiToken.deleteMany({ where: { userId: opts.userId, keyHash: hashApiToken(opts.token) } });
  if (opts.sessionSecret) await deleteSessionBySecret(db, opts.sessionSecret);
  return step;
}
