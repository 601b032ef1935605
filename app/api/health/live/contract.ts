import { z } from "zod";
import { contract } from "@/lib/http/contract";

export default contract({
  method: "GET",
  path: "/api/health/live",
  summary: "Liveness: the process answers HTTP (touches nothing else).",
  access: "anyone",
  responses: { 200: { description: "Alive.", body: z.strictObject({ status: z.literal("ok") }).meta({ id: "Live" }), example: { status: "ok" } } },
});
