import { getDb } from "../db/client";
import { clientIp } from "../http/client-ip";
import { logger } from "../log/logger";
import { requestIdFrom } from "../log/request-id";
import { ANONYMOUS, type UseCaseContext } from "./context";

/**
 * The context of one next-auth callback (lib/auth/nextauth/options.ts): next-auth is an
 * adapter like a route or an action. `authorize` gets the request's headers as a plain
 * record (Node's IncomingHttpHeaders shape, not a Headers object); the jwt callback and
 * the signOut event get none, and their lines carry a fresh request id.
 */
export function nextAuthContext(rawHeaders?: unknown): UseCaseContext {
  const headers = toHeaders(rawHeaders);
  const requestId = requestIdFrom(headers);
  const ip = clientIp(headers);
  return {
    db: getDb(),
    log: logger.child({ requestId, clientIp: ip }),
    requestId,
    actor: ANONYMOUS,
    ip,
    userAgent: headers.get("user-agent") ?? undefined,
    adapter: "next-auth",
  };
}

function toHeaders(raw: unknown): Headers {
  const headers = new Headers();
  if (!raw || typeof raw !== "object") return headers;
  for (const [name, value] of Object.entries(raw as Record<string, unknown>)) {
    // A repeated header arrives as an array; an unusable name or value is skipped, not fatal.
    const first = Array.isArray(value) ? value[0] : value;
    if (typeof first === "string") {
      try {
        headers.set(name, first);
      } catch {
        /* not a valid header: ignored */
      }
    }
  }
  return headers;
}
