import { endDevice } from "@/lib/auth/credentials/devices";
import { requireCallerRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { json, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Ends one of the caller's sessions or tokens; another user's id is a 404.
export const DELETE = jsonRoute<{ id: string }>(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "sessions.error" },
  async (req, { log }, params) => {
    const { user } = await requireCallerRequest(req);
    await endDevice(getDb(), user.id, params.id, log);
    return json(200, { detail: "Session ended." });
  },
);
