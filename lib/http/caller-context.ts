import { requireCallerRequest, requireStaffCallerRequest } from "../auth/who/request";
import { withCaller, type UseCaseContext } from "../use-case/context";

// A route that needs its caller turns the anonymous ctx jsonRoute built into the caller's,
// once, here: the use case then reads ctx.actor and takes no user parameter.

/** `ctx` acting as the request's signed-in caller, or the contract's 401. */
export async function memberRouteContext(req: Request, ctx: UseCaseContext): Promise<UseCaseContext> {
  const { user, credential } = await requireCallerRequest(req, ctx.db);
  return withCaller(ctx, user, credential);
}

/** `ctx` acting as a staff caller (requireStaffRequest's checks: 401, 403, second factor). */
export async function staffRouteContext(req: Request, ctx: UseCaseContext): Promise<UseCaseContext> {
  const { user, credential } = await requireStaffCallerRequest(req, ctx.db);
  return withCaller(ctx, user, credential);
}
