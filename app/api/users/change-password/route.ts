import { requireCallerRequest } from "@/lib/auth/who/request";
import { readBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";
import { changePasswordRefusal, PASSWORD_CHANGED } from "@/lib/users/api-shape";
import { changePassword } from "@/lib/users/change-password";
import { withCaller } from "@/lib/use-case/context";

export const dynamic = "force-dynamic";

// The old API's change-password: {"current_password", "new_password",
// "confirm_new_password"}. Field errors in DRF's shape ({"new_password": ["…"]}); the
// session or token making the change stays signed in, every other one ends.
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "password.change_failed" },
  async (req, ctx) => {
    const { user, credential } = await requireCallerRequest(req);
    const body = await readBody(req);
    try {
      await changePassword(body, withCaller(ctx, user, credential));
    } catch (err) {
      const fields = changePasswordRefusal(err);
      if (fields) return json(400, fields);
      throw err;
    }
    return json(200, { message: PASSWORD_CHANGED });
  },
);
