import { requireUserRequest } from "@/lib/auth/request";
import { getDb } from "@/lib/db/client";
import { readOptionalBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";
import { DEACTIVATED_MESSAGE, deactivateOwnAccount } from "@/lib/users/deactivate-self";

export const dynamic = "force-dynamic";

// The old API's self-deactivation ({"reason"?}): every session and token ends; signing
// in with the password reactivates the account.
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "account.deactivate_failed" },
  async (req, { log }) => {
    const user = await requireUserRequest(req);
    const body = await readOptionalBody(req);
    await deactivateOwnAccount(user.id, body, getDb(), log);
    return json(200, { message: DEACTIVATED_MESSAGE });
  },
);
