import { headers } from "next/headers";
import { getDb } from "../db/client";
import { clientIp } from "../http/client-ip";
import { logger } from "../log/logger";
import { REQUEST_ID_HEADER } from "../log/request-id";
import { ANONYMOUS, type ActorContext, type UseCaseContext } from "./context";

/**
 * The context of one server action (or page render), built from the request's headers.
 * The action passes the actor it authenticated (lib/auth/who/current-user.ts) or none.
 */
export async function actionContext(actor: ActorContext = ANONYMOUS): Promise<UseCaseContext> {
  const hdrs = await headers();
  const requestId = hdrs.get(REQUEST_ID_HEADER) ?? undefined;
  return {
    db: getDb(),
    log: logger.child({ requestId }),
    requestId,
    actor,
    adapter: "action",
    ip: clientIp(hdrs),
    userAgent: hdrs.get("user-agent") ?? undefined,
  };
}
