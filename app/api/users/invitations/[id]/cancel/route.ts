import { requireUserRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { json, jsonRoute } from "@/lib/http/route";
import { invitationToApi, rethrowInApiNames } from "@/lib/invitations/api-shape";
import { cancelInvitation } from "@/lib/invitations/cancel";

export const dynamic = "force-dynamic";

// The inviter (or staff) cancels a pending invitation; someone else's is "Not found.".
export const POST = jsonRoute<{ id: string }>(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "invitation.error" },
  async (req, { log }, { id }) => {
    const user = await requireUserRequest(req);
    const invitation = await cancelInvitation({ invitationId: id }, user, getDb(), log).catch(rethrowInApiNames);
    return json(200, { detail: "Invitation cancelled.", invitation: invitationToApi(invitation) });
  },
);
