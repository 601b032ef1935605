import { requireCallerRequest } from "@/lib/auth/who/request";
import { clientIp } from "@/lib/http/client-ip";
import { getDb } from "@/lib/db/client";
import { readOptionalBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";
import { DEACTIVATED_MESSAGE, deactivateOwnAccount } from "@/lib/users/deactivate-self";

export const dynamic = "force-dynamic";

// The old API's self-deactivation ({"reason"?}): every session and token ends; signing
// in with the password reactivates the account. With a browser's session cookie the
// body must carry {"password"} as well (lib/users/deactivate-self.ts).
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "account.deactivate_failed" },
  async (req, { log }) => {
    const { user, credential } = await requireCallerRequest(req);
    const body = await readOptionalBody(req);
    const confirm = credential.kind === "browser" ? { ip: clientIp(req.headers) } : undefined;
    await deactivateOwnAccount(user.id, body, getDb(), log, confirm);
    return json(200, { message: DEACTIVATED_MESSAGE });
  },
);
