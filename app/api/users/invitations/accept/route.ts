import { readBody } from "@/lib/http/body";
import { memberRouteContext } from "@/lib/http/caller-context";
import { json, jsonRoute } from "@/lib/http/route";
import { acceptedToApi, publicInvitationAnswer } from "@/lib/invitations/api-shape";
import { acceptInvitation } from "@/lib/invitations/accept";
import { getInvitationByToken } from "@/lib/invitations/by-token";

export const dynamic = "force-dynamic";

const OPTIONS = { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "invitation.error" } as const;

// The token travels in the query string or the body and is never logged.

/** Public: who invited whom, while the invitation can be accepted; 400 naming the status otherwise. */
export const GET = jsonRoute(OPTIONS, async (req, ctx) => {
  const token = new URL(req.url).searchParams.get("token") ?? undefined;
  const { status, body } = publicInvitationAnswer(await getInvitationByToken({ token }, ctx));
  return json(status, body);
});

/** The signed-in caller accepts: {"token"}. */
export const POST = jsonRoute(OPTIONS, async (req, routeCtx) => {
  const ctx = await memberRouteContext(req, routeCtx);
  const body = await readBody(req);
  return json(200, acceptedToApi(await acceptInvitation(body, ctx)));
});
