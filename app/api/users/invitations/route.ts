import { memberRouteContext } from "@/lib/http/caller-context";
import { json, jsonRoute } from "@/lib/http/route";
import { myInvitationsToApi } from "@/lib/invitations/api-shape";
import { listMyInvitations } from "@/lib/invitations/list";

export const dynamic = "force-dynamic";

// The caller's own invitations, newest first, with the month's count and whether they may invite.
export const GET = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "invitation.error" },
  async (req, ctx) => json(200, myInvitationsToApi(await listMyInvitations({}, await memberRouteContext(req, ctx)))),
);
