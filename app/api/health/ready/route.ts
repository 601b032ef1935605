import { getDb } from "@/lib/db/client";
import { checkReadiness } from "@/lib/health/readiness";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";

export const dynamic = "force-dynamic";

// Readiness: send traffic here? 200 when the database answers and is fully migrated,
// 503 otherwise (and while this process drains for a restart).
export async function GET(req: Request): Promise<Response> {
  const requestId = requestIdFrom(req.headers);
  const { ready, body } = await checkReadiness(getDb(), logger.child({ requestId }));
  return Response.json(body, {
    status: ready ? 200 : 503,
    headers: { "cache-control": "no-store", [REQUEST_ID_HEADER]: requestId },
  });
}
