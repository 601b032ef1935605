import { requireCallerRequest } from "@/lib/auth/who/request";
import { EMAIL_CHANGE_SENT } from "@/lib/email-change/messages";
import { requestEmailChange } from "@/lib/email-change/request";
import { readBody } from "@/lib/http/body";
import { drfFieldErrors } from "@/lib/http/drf-field-errors";
import { json, jsonRoute } from "@/lib/http/route";
import { withCaller } from "@/lib/use-case/context";

export const dynamic = "force-dynamic";

// Ask to move the account to another address: {"new_email", "password"} (and "code" when
// two-factor asks for a recent second factor). The link goes to the new address; nothing
// changes until it is pressed (lib/email-change/request.ts).
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "email_change.request_failed" },
  async (req, ctx) => {
    const { user, credential } = await requireCallerRequest(req);
    const body = await readBody(req);
    try {
      const { sentTo } = await requestEmailChange(body, withCaller(ctx, user, credential));
      return json(200, { message: EMAIL_CHANGE_SENT, sent_to: sentTo });
    } catch (err) {
      const fields = drfFieldErrors(err);
      if (fields) return json(400, fields);
      throw err;
    }
  },
);
