import { getDb } from "../db/client";
import { clientIp } from "../http/client-ip";
import { logger } from "../log/logger";
import { requestIdFrom } from "../log/request-id";
import { ANONYMOUS, type UseCaseContext } from "./context";

/**
 * The context of one JSON request, built once by jsonRoute (lib/http/route.ts). The actor
 * starts anonymous: a route that needs a caller authenticates and passes
 * `withActor(ctx, signedInActor(user, via))`.
 */
export function routeContext(req: Request): UseCaseContext {
  const requestId = requestIdFrom(req.headers);
  const ip = clientIp(req.headers);
  return {
    db: getDb(),
    log: logger.child({ requestId, clientIp: ip }),
    requestId,
    actor: ANONYMOUS,
    adapter: "route",
    ip,
    userAgent: req.headers.get("user-agent") ?? undefined,
  };
}
