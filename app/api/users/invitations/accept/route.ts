import { requireUserRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";
import { invitationToApi, publicInvitationToApi } from "@/lib/invitations/api-shape";
import { acceptInvitation } from "@/lib/invitations/accept";
import { getInvitationByToken } from "@/lib/invitations/by-token";
import { notUsable } from "@/lib/invitations/messages";

export const dynamic = "force-dynamic";

const OPTIONS = { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "invitation.error" } as const;

// The token travels in the query string or the body and is never logged.

/** Public: who invited whom, while the invitation can be accepted; 400 naming the status otherwise. */
export const GET = jsonRoute(OPTIONS, async (req, { log }) => {
  const token = new URL(req.url).searchParams.get("token") ?? undefined;
  const view = await getInvitationByToken({ token }, getDb(), log);
  if (view.status !== "pending") return json(400, { detail: notUsable(view.status).message, status: view.status });
  return json(200, publicInvitationToApi(view));
});

/** The signed-in caller accepts: {"token"}. */
export const POST = jsonRoute(OPTIONS, async (req, { log }) => {
  const user = await requireUserRequest(req);
  const body = await readBody(req);
  const { invitation, profile } = await acceptInvitation(body, user, getDb(), log);
  return json(200, {
    detail: "Invitation accepted.",
    invitation: invitationToApi(invitation),
    role: profile.role,
    active_guide: profile.activeGuide,
    can_invite_teachers: profile.canInviteTeachers,
  });
});
