import { requireStaffAction, requireUserAction } from "@/lib/auth/who/current-user";
import { actionContext } from "@/lib/use-case/action-context";
import { signedInActor, withActor, type UseCaseContext } from "@/lib/use-case/context";

// Server actions build their ctx once (actionContext: request id, logger, address), then
// make the session's user its actor here: a 401/403 DomainError for the action to show
// otherwise. The use case reads ctx.actor and takes no user parameter.

/** `ctx` acting as the session's member (requireUserAction: refused while staff view as them). */
export async function asMember(ctx: UseCaseContext): Promise<UseCaseContext> {
  return withActor(ctx, signedInActor(await requireUserAction(), "session"));
}

/** `ctx` acting as the session's staff member (requireStaffAction: the flag and, where required, a second factor). */
export async function asStaff(ctx: UseCaseContext): Promise<UseCaseContext> {
  return withActor(ctx, signedInActor(await requireStaffAction(), "session"));
}

/** A page's ctx, its user already guarded by requireUser/requireStaff. */
export function pageContext(user: { id: number; isStaff: boolean }): Promise<UseCaseContext> {
  return actionContext(signedInActor(user, "session"));
}
