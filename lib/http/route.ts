import { describeDbError, isDatabaseUnavailable } from "../db/errors";
import { isDomainError } from "../errors";
import { isHashBusy } from "../security/hash-admission";
import { REQUEST_ID_HEADER } from "../log/request-id";
import { isRateLimited } from "../security/rate-limits";
import type { UseCaseContext } from "../use-case/context";
import { routeContext } from "../use-case/route-context";

export const UNAVAILABLE_MESSAGE = "Service temporarily unavailable. Please try again.";
/** Seconds a client should wait before retrying after a 503 (a database restart takes a few). */
export const RETRY_AFTER_SECONDS = 5;

/** The use-case context of one request (lib/use-case/route-context.ts), built once here. */
export type RouteContext = UseCaseContext & { requestId: string };

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
 * one sentence, an unavailable database or hashing at capacity as 503 with Retry-After, unexpected faults
 * logged with the id (database errors described without their values: safeErr in
 * lib/log/logger.ts) and answered generically, and `Cache-Control: no-store` on every
 * answer.
 */
export function jsonRoute<P = unknown>(
  opts: RouteOptions,
  handler: (req: Request, ctx: RouteContext, params: P) => Promise<Response>,
) {
  return async (req: Request, routeArgs: { params: Promise<P> }): Promise<Response> => {
    const ctx = routeContext(req) as RouteContext;
    const { requestId, log } = ctx;
    let res: Response;
    try {
      res = await handler(req, ctx, await routeArgs?.params);
    } catch (err) {
      if (isDomainError(err)) {
        const body: Record<string, unknown> = { [opts.errorKey]: err.message };
        // Per-field messages only where the contract allows extras ("other invalid input");
        // the fixed rows (required, taken, …) stay byte for byte as the old API sent them.
        if (err.code === "invalid" && err.fields) body.fields = err.fields;
        // A use case over its rate limit says when to come back (lib/security/rate-limits.ts).
        res = json(err.status, body, isRateLimited(err) ? { "Retry-After": String(err.retryAfterSeconds) } : {});
      } else if (isHashBusy(err)) {
        // This worker already runs and queues all the password hashes it can take
        // (lib/security/hash-admission.ts): refused at once, retried in a moment.
        log.warn({ event: "hash.busy" }, "password hashing at capacity; refused");
        res = json(503, { [opts.errorKey]: UNAVAILABLE_MESSAGE }, { "retry-after": String(err.retryAfterSeconds) });
      } else if (isDatabaseUnavailable(err)) {
        // Not a fault of this request or of the code: the client retries, the pool
        // reconnects by itself when the database is back.
        log.warn({ event: "db.unavailable", db: describeDbError(err) }, "database unavailable");
        res = json(503, { [opts.errorKey]: UNAVAILABLE_MESSAGE }, { "retry-after": String(RETRY_AFTER_SECONDS) });
      } else {
        log.error({ event: opts.faultEvent, err }, "unexpected fault");
        res = json(500, { [opts.errorKey]: opts.faultMessage });
      }
    }
    res.headers.set(REQUEST_ID_HEADER, requestId);
    // API answers carry tokens and personal data: no browser or proxy may keep them.
    res.headers.set("cache-control", "no-store");
    return res;
  };
}
