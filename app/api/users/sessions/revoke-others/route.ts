import { endOtherDevices } from "@/lib/auth/credentials/devices";
import { requireCallerRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { json, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Ends every session and token of the caller except the one making this request.
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "sessions.error" },
  async (req, { log }) => {
    const { user, credential } = await requireCallerRequest(req);
    const revoked = await endOtherDevices(getDb(), user.id, credential, { log });
    return json(200, { detail: `Signed out of ${revoked} other sessions.`, revoked });
  },
);
