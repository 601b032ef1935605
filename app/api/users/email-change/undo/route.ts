import { EMAIL_CHANGE_UNDONE } from "@/lib/email-change/messages";
import { undoEmailChange } from "@/lib/email-change/undo";
import { readBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";

export const dynamic = "force-dynamic";

// The old address's undo link, pressed by a client: {"uid", "token"} from
// /change-email/undo/<uid>/<token>/. Spent once (lib/email-change/undo.ts).
export const POST = jsonRoute(
  { errorKey: "error", faultMessage: "An unexpected error occurred.", faultEvent: "email_change.undo_failed" },
  async (req, ctx) => {
    const { email } = await undoEmailChange(await readBody(req, undefined, { emptyAs: {} }), ctx);
    return json(200, { message: EMAIL_CHANGE_UNDONE, email });
  },
);
