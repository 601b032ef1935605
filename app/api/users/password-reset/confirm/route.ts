import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { readBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";
import { confirmPasswordReset } from "@/lib/password-reset/confirm";
import { RESET_DONE } from "@/lib/password-reset/messages";

export const dynamic = "force-dynamic";

// The old API's confirmation: {"uid", "token", "new_password"}. A refused password comes
// back in DRF's field shape; an unusable link as {"error": …}.
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred.", faultEvent: "password_reset.failed" },
  async (req, { log }) => {
    const body = await readBody(req, undefined, { emptyAs: {} });
    try {
      await confirmPasswordReset(body, { db: getDb(), log });
    } catch (err) {
      if (isDomainError(err) && err.status === 400 && err.fields) {
        return json(400, Object.fromEntries(Object.entries(err.fields).map(([field, message]) => [field, [message]])));
      }
      throw err;
    }
    return json(200, { message: RESET_DONE });
  },
);
