import { requireUserRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { json, jsonRoute } from "@/lib/http/route";
import { myInvitationsToApi } from "@/lib/invitations/api-shape";
import { listMyInvitations } from "@/lib/invitations/list";

export const dynamic = "force-dynamic";

// The caller's own invitations, newest first, with the month's count and whether they may invite.
export const GET = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "invitation.error" },
  async (req, { log }) => {
    const user = await requireUserRequest(req);
    return json(200, myInvitationsToApi(await listMyInvitations(user, getDb(), log)));
  },
);
