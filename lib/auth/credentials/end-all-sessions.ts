import type { Tx } from "../../db/transaction";

/**
 * Ends every browser session and API token of the user, in the caller's transaction (a
 * password reset, a Google sign-in taking over an unproven account). The caller holds the
 * user's row lock, so a sign-in racing it either committed first (and is ended here) or
 * finds the password hash changed and creates nothing (createSession's guard).
 */
export async function endAllSessions(tx: Tx, userId: number): Promise<{ sessions: number; tokens: number }> {
  const sessions = await tx.session.deleteMany({ where: { userId } });
  const tokens = await tx.apiToken.deleteMany({ where: { userId } });
  return { sessions: sessions.count, tokens: tokens.count };
}
