import { z } from "zod";
import { contract } from "@/lib/http/contract";

const check = z.enum(["ok", "unreachable", "error", "pending", "unknown"]);
const readiness = z
  .strictObject({
    status: z.enum(["ready", "unavailable", "draining"]),
    checks: z.strictObject({ database: check, migrations: check }),
    pendingMigrations: z.array(z.string()).optional(),
  })
  .meta({ id: "Readiness" });

export default contract({
  method: "GET",
  path: "/api/health/ready",
  summary: "Readiness: the database answers and is fully migrated, and this process is not draining.",
  access: "anyone",
  responses: {
    200: { description: "Send traffic here.", body: readiness, example: { status: "ready", checks: { database: "ok", migrations: "ok" } } },
    503: { description: "Not now (which check failed).", body: readiness, example: { status: "unavailable", checks: { database: "unreachable", migrations: "unknown" } } },
  },
});
