import { publicBaseUrl } from "../../config/public-base-url";

// The relying party is the public site: the origin a browser reports and the RP ID (its
// host name) both come from PUBLIC_BASE_URL, never from a request's Host header.

export const RP_NAME = "Zporta Academy";

export function relyingParty(env: Record<string, string | undefined> = process.env): { origin: string; rpID: string } {
  const url = new URL(publicBaseUrl(env));
  return { origin: url.origin, rpID: url.hostname };
}
