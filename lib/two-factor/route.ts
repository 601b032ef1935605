import { requireCallerRequest, type RequestCaller } from "../auth/who/request";
import { readBody } from "../http/body";
import { jsonRoute, type RouteContext } from "../http/route";
import { withCaller } from "../use-case/context";
import type { TwoFactorContext } from "./context";

/**
 * The adapter shape of every /api/users/2fa/… route: {"error": …} answers, a token or a
 * same-site session cookie, the body read (415/413/400 as everywhere), 429 with
 * Retry-After. The rules live in the use case the handler calls.
 */
export function twoFactorRoute<P = unknown>(
  faultEvent: string,
  handler: (args: { caller: RequestCaller; body: unknown; ctx: TwoFactorContext; route: RouteContext; req: Request; params: P }) => Promise<Response>,
  opts: { readsBody?: boolean } = { readsBody: true },
) {
  return jsonRoute<P>({ errorKey: "error", faultMessage: "An unexpected error occurred.", faultEvent }, async (req, route, params) => {
    const caller = await requireCallerRequest(req);
    const body = opts.readsBody === false ? undefined : await readBody(req);
    // Over a limit: jsonRoute answers 429 with Retry-After.
    return handler({ caller, body, ctx: withCaller(route, caller.user, caller.credential), route, req, params });
  });
}
