import { requireCallerRequest } from "@/lib/auth/who/request";
import { readOptionalBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";
import { DEACTIVATED_MESSAGE, deactivateOwnAccount } from "@/lib/users/deactivate-self";
import { withCaller } from "@/lib/use-case/context";

export const dynamic = "force-dynamic";

// The old API's self-deactivation ({"reason"?}): every session and token ends; signing
// in with the password reactivates the account. With a browser's session cookie the
// body must carry {"password"} as well (lib/users/deactivate-self.ts).
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "account.deactivate_failed" },
  async (req, ctx) => {
    const { user, credential } = await requireCallerRequest(req);
    const body = await readOptionalBody(req);
    await deactivateOwnAccount(body, withCaller(ctx, user, credential));
    return json(200, { message: DEACTIVATED_MESSAGE });
  },
);
