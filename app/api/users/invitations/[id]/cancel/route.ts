import { memberRouteContext } from "@/lib/http/caller-context";
import { json, jsonRoute } from "@/lib/http/route";
import { cancelledToApi, rethrowInApiNames } from "@/lib/invitations/api-shape";
import { cancelInvitation } from "@/lib/invitations/cancel";

export const dynamic = "force-dynamic";

// The inviter (or staff) cancels a pending invitation; someone else's is "Not found.".
export const POST = jsonRoute<{ id: string }>(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "invitation.error" },
  async (req, routeCtx, { id }) => {
    const ctx = await memberRouteContext(req, routeCtx);
    const invitation = await cancelInvitation({ invitationId: id }, ctx).catch(rethrowInApiNames);
    return json(200, cancelledToApi(invitation));
  },
);
