import { REQUEST_ID_HEADER, requestIdFrom } from "@/lib/log/request-id";

export const dynamic = "force-dynamic";

// Liveness: the process answers HTTP. Touches nothing else (no database), so it stays
// fast while the database is down and while password hashing keeps the CPUs busy.
export function GET(req: Request): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store", [REQUEST_ID_HEADER]: requestIdFrom(req.headers) } });
}
