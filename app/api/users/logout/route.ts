import { revokeApiTokenById } from "@/lib/auth/credentials/api-tokens";
import { requireCallerRequest } from "@/lib/auth/who/request";
import { deleteSessionById } from "@/lib/auth/credentials/session-rows";
import { getDb } from "@/lib/db/client";
import { json, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Ends only what made the request: the API token of this device, or (a same-site request
// with the cookie) this browser's session. The user's other devices stay signed in.
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "logout.error" },
  async (req, { log }) => {
    const { user, credential } = await requireCallerRequest(req);
    if (credential.kind === "api") await revokeApiTokenById(getDb(), user.id, credential.id, log);
    else await deleteSessionById(getDb(), user.id, credential.id, log);
    return json(200, { detail: "Successfully logged out." });
  },
);
