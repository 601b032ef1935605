import { requireCallerRequest, requireStaffRequest } from "../auth/who/request";
import { signedInActor, withActor, withCaller, type AuthVia, type UseCaseContext } from "../use-case/context";

// A route that needs its caller turns the anonymous ctx jsonRoute built into the caller's,
// once, here: the use case then reads ctx.actor and takes no user parameter.

/** `ctx` acting as the request's signed-in caller, or the contract's 401. */
export async function memberRouteContext(req: Request, ctx: UseCaseContext): Promise<UseCaseContext> {
  const { user, credential } = await requireCallerRequest(req, ctx.db);
  return withCaller(ctx, user, credential);
}

/** `ctx` acting as a staff caller (requireStaffRequest's checks: 401, 403, second factor). */
export async function staffRouteContext(req: Request, ctx: UseCaseContext): Promise<UseCaseContext> {
  const staff = await requireStaffRequest(req, ctx.db);
  return withActor(ctx, signedInActor(staff, viaOf(req)));
}

// The same precedence as authenticateRequestCaller: a `Token` header, when given, is what
// signed the request (a wrong one was refused already); otherwise the session cookie.
function viaOf(req: Request): AuthVia {
  const [scheme] = (req.headers.get("authorization") ?? "").trim().split(/\s+/);
  return scheme.toLowerCase() === "token" ? "api_token" : "session";
}
