import { readBody } from "@/lib/http/body";
import { memberRouteContext } from "@/lib/http/caller-context";
import { json, jsonRoute } from "@/lib/http/route";
import { rethrowInApiNames, sendInputFromApi, sentToApi } from "@/lib/invitations/api-shape";
import { sendInvitation } from "@/lib/invitations/send";

export const dynamic = "force-dynamic";

// {"invitee_email", "personal_message"?} -> 201 with the invitation and remaining_invitations.
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "invitation.error" },
  async (req, routeCtx) => {
    const ctx = await memberRouteContext(req, routeCtx);
    const body = await readBody(req);
    const sent = await sendInvitation(sendInputFromApi(body), ctx).catch(rethrowInApiNames);
    return json(201, sentToApi(sent));
  },
);
