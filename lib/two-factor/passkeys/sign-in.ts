import type { UseCaseContext } from "../../use-case/context";
import { verifyPasskeyAssertion } from "./authenticate";

/**
 * "Sign in with a passkey": no username or password. A passkey with user verification
 * is both factors, so no second step follows. Answers the account; the adapter then
 * makes the session or token (both refuse an inactive account).
 */
export async function signInWithPasskey(input: unknown, ctx: UseCaseContext): Promise<{ userId: number }> {
  const { db, log } = ctx;
  const { userId, passkeyId } = await verifyPasskeyAssertion(db, input, { purpose: "sign_in", userId: null, log });
  await db.user.updateMany({ where: { id: userId, isActive: true }, data: { lastLogin: new Date() } });
  log.info({ event: "login.succeeded", userId, via: "passkey", passkeyId }, "signed in with a passkey");
  return { userId };
}
