export const dynamic = "force-dynamic";

// Liveness: the process answers HTTP. Touches nothing else (no database), so it stays
// fast while the database is down and while password hashing keeps the CPUs busy.
export function GET(): Response {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
