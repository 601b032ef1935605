import type { Db } from "../db/client";
import type { Tx } from "../db/transaction";
import { findLiveLink, type LiveLink } from "../one-time-links/consume";

/**
 * Who may reset their password by link: an active account, or one its owner deactivated
 * (the reset reactivates it). An account staff deactivated gets no link and cannot use
 * one. The request, the link's page and the confirmation all ask this.
 */
export function mayResetPassword(account: { isActive: boolean; selfDeactivated: boolean }): boolean {
  return account.isActive || account.selfDeactivated;
}

/**
 * The reset link's account when the link is live and its account may reset, else null.
 * Reads without spending (the page's GET, and the confirmation's checks before hashing).
 */
export async function resetLinkFor(db: Db | Tx, link: { uid: unknown; token: unknown }): Promise<LiveLink | null> {
  const live = await findLiveLink(db, { uid: link.uid, token: link.token, purpose: "reset" });
  return live && mayResetPassword(live) ? live : null;
}
