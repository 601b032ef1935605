import type { Db } from "../db/client";
import { findLiveLink, type LiveLink } from "../one-time-links/consume";

/**
 * The magic link's account when the link is live and the account active, else null: what
 * the link's page shows before its button (reading never spends the link; the button's
 * use case decides again, in its transaction). Only an active account gets a link
 * (lib/magic-link/request.ts) and signs in with one.
 */
export async function magicLinkFor(db: Db, link: { uid: unknown; token: unknown }): Promise<LiveLink | null> {
  const live = await findLiveLink(db, { uid: link.uid, token: link.token, purpose: "magic_login" });
  return live?.isActive ? live : null;
}
