import { listDevices } from "@/lib/auth/credentials/devices";
import { requireCallerRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { json, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Where the caller is signed in: browser sessions and API tokens ("current": this one).
export const GET = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "sessions.error" },
  async (req) => {
    const { user, credential } = await requireCallerRequest(req);
    const devices = await listDevices(getDb(), user.id, credential);
    return json(
      200,
      {
        sessions: devices.map((d) => ({
          id: d.id,
          kind: d.kind,
          created_at: d.createdAt.toISOString(),
          last_seen_at: d.lastSeenAt?.toISOString() ?? null,
          ip: d.ip,
          user_agent: d.userAgent,
          current: d.current,
        })),
      },
      { "cache-control": "no-store" },
    );
  },
);
