import { confirmEmailChange } from "@/lib/email-change/confirm";
import { EMAIL_CHANGED } from "@/lib/email-change/messages";
import { readBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The new address's link, pressed by a client: {"uid", "token"} from
// /change-email/<uid>/<token>/. Spent once (lib/email-change/confirm.ts).
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred.", faultEvent: "email_change.confirm_failed" },
  async (req, ctx) => {
    const { email } = await confirmEmailChange(await readBody(req, undefined, { emptyAs: {} }), ctx);
    return json(200, { message: EMAIL_CHANGED, email });
  },
);
