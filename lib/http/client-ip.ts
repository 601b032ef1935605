// The client's address as the app's own HTTP server saw it. The server (server.ts,
// or whatever runs Next) overwrites CLIENT_IP_HEADER on every request with the socket
// address, or, when TRUST_PROXY is set, with the address the trusted proxy appended to
// X-Forwarded-For. Nothing else may be trusted: a client can send any X-Forwarded-For.
export const CLIENT_IP_HEADER = "x-client-ip";

export function clientIp(headers: Headers): string {
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}
