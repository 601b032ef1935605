// The client's address as the app's own HTTP server saw it. The server (scripts/server/
// worker.ts, or instrumentation.ts under `next start`: lib/http/stamp-client-ip.ts)
// overwrites CLIENT_IP_HEADER on every request with the socket address, or with the
// address a trusted proxy (TRUST_PROXY) appended to X-Forwarded-For. Nothing else may be
// trusted: a client can send any X-Forwarded-For, and any X-Client-IP.
export const CLIENT_IP_HEADER = "x-client-ip";

// A global symbol, not a module variable: the app's server and Next's bundles each load
// their own copy of this module in the one process.
const STAMPING = Symbol.for("zporta.clientIpStamping");

/** Someone in this process stamps every request (the app's server, or stampEveryRequest). */
export function markStamping(): void {
  (globalThis as Record<symbol, unknown>)[STAMPING] = true;
}

export function isStamping(): boolean {
  return (globalThis as Record<symbol, unknown>)[STAMPING] === true;
}

export function clientIp(headers: Headers): string {
  // Where nothing stamps requests, the header is whatever the client sent: never believed.
  if (!isStamping()) return "unknown";
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}
