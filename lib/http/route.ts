import { isDomainError } from "../errors";
import { logger, type Logger } from "../log/logger";
import { REQUEST_ID_HEADER, requestIdFrom } from "../log/request-id";

export interface RouteContext {
  requestId: string;
  log: Logger;
}

export interface RouteOptions {
  /** The old API used {"error": …} on registration and login, {"detail": …} elsewhere. */
  errorKey: "error" | "detail";
  /** What a client reads when something unexpected fails. */
  faultMessage: string;
  /** Event name logged for unexpected faults, e.g. "registration.failed". */
  faultEvent: string;
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status, headers });
}

/**
 * Wraps a JSON route handler: request id, child logger, designed errors as 4xx with
 * one sentence, and unexpected faults logged with the id and answered generically.
 */
export function jsonRoute<P = unknown>(
  opts: RouteOptions,
  handler: (req: Request, ctx: RouteContext, params: P) => Promise<Response>,
) {
  return async (req: Request, routeArgs: { params: Promise<P> }): Promise<Response> => {
    const requestId = requestIdFrom(req.headers);
    const log = logger.child({ requestId });
    let res: Response;
    try {
      res = await handler(req, { requestId, log }, await routeArgs?.params);
    } catch (err) {
      if (isDomainError(err)) {
        const body: Record<string, unknown> = { [opts.errorKey]: err.message };
        // Per-field messages only where the contract allows extras ("other invalid input");
        // the fixed rows (required, taken, …) stay byte for byte as the old API sent them.
        if (err.code === "invalid" && err.fields) body.fields = err.fields;
        res = json(err.status, body);
      } else {
        log.error({ event: opts.faultEvent, err }, "unexpected fault");
        res = json(500, { [opts.errorKey]: opts.faultMessage });
      }
    }
    res.headers.set(REQUEST_ID_HEADER, requestId);
    return res;
  };
}
