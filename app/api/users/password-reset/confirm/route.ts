import { readBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";
import { drfFieldErrors } from "@/lib/http/drf-field-errors";
import { confirmPasswordReset } from "@/lib/password-reset/confirm";
import { RESET_DONE } from "@/lib/password-reset/messages";

export const dynamic = "force-dynamic";

// The old API's confirmation: {"uid", "token", "new_password"}. A refused password comes
// back in DRF's field shape; an unusable link as {"error": …}.
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred.", faultEvent: "password_reset.failed" },
  async (req, ctx) => {
    const body = await readBody(req, undefined, { emptyAs: {} });
    try {
      await confirmPasswordReset(body, ctx);
    } catch (err) {
      const fields = drfFieldErrors(err);
      if (fields) return json(400, fields);
      throw err;
    }
    return json(200, { message: RESET_DONE });
  },
);
