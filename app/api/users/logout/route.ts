import { revokeApiToken } from "@/lib/auth/api-tokens";
import { requireUserRequest } from "@/lib/auth/request";
import { getDb } from "@/lib/db/client";
import { json, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// Revokes the caller's API token (there is one per user). Browser sessions end with the
// header's "Sign out" instead.
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "logout.error" },
  async (req, { log }) => {
    const user = await requireUserRequest(req);
    await revokeApiToken(getDb(), user.id, log);
    return json(200, { detail: "Successfully logged out." });
  },
);
