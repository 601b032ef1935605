import { requireUserRequest } from "@/lib/auth/who/request";
import { getDb } from "@/lib/db/client";
import { readBody } from "@/lib/http/body";
import { json, jsonRoute } from "@/lib/http/route";
import { invitationToApi, rethrowInApiNames, sendInputFromApi } from "@/lib/invitations/api-shape";
import { sendInvitation } from "@/lib/invitations/send";
import { offerVerification } from "@/lib/invitations/unproven-inviter";
import { clientIp } from "@/lib/http/client-ip";

export const dynamic = "force-dynamic";

// {"invitee_email", "personal_message"?} -> 201 with the invitation and remaining_invitations.
export const POST = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "invitation.error" },
  async (req, { log }) => {
    const user = await requireUserRequest(req);
    const body = await readBody(req);
    const db = getDb();
    const sent = await sendInvitation(sendInputFromApi(body), user, db, log)
      .catch(async (err) => {
        throw await offerVerification(err, user.id, { db, ip: clientIp(req.headers), log });
      })
      .catch(rethrowInApiNames);
    return json(201, {
      detail: "Invitation sent.",
      invitation: invitationToApi(sent.invitation),
      remaining_invitations: sent.remainingThisMonth,
    });
  },
);
