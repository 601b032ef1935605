import { heartbeat } from "@/lib/auth/credentials/devices";
import { requireCallerRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { json, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The old platform's heartbeat: marks the asking session or token as seen now.
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "sessions.error" },
  async (req) => {
    const { user, credential } = await requireCallerRequest(req);
    const at = await heartbeat(getDb(), user.id, credential);
    return json(200, { detail: "heartbeat", last_heartbeat_at: at.toISOString() });
  },
);
