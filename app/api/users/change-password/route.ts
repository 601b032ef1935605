import { requireCallerRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { readBody } from "@/lib/http/body";
import { clientIp } from "@/lib/http/client-ip";
import { json, jsonRoute } from "@/lib/http/route";
import { changePassword } from "@/lib/users/change-password";

export const dynamic = "force-dynamic";

// The old API's change-password: {"current_password", "new_password",
// "confirm_new_password"}. Field errors in DRF's shape ({"new_password": ["…"]}); the
// session or token making the change stays signed in, every other one ends.
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "password.change_failed" },
  async (req, { log }) => {
    const { user, credential } = await requireCallerRequest(req);
    const body = await readBody(req);
    try {
      await changePassword(user.id, body, { db: getDb(), ip: clientIp(req.headers), keep: credential, log });
    } catch (err) {
      if (isDomainError(err) && err.status === 400 && err.fields) {
        return json(400, Object.fromEntries(Object.entries(err.fields).map(([field, message]) => [field, [message]])));
      }
      throw err;
    }
    return json(200, { message: "Password changed successfully." });
  },
);
