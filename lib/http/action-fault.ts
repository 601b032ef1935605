import { isDatabaseUnavailable } from "../db/errors";
import type { Logger } from "../log/logger";
import { isHashBusy } from "../security/hash-admission";
import { UNAVAILABLE_MESSAGE } from "./route";

/**
 * What a server action shows for a failure that is not a DomainError: the outage
 * sentence the API uses while the database is unreachable or password hashing is at
 * capacity (logged as a warning: it is
 * not a bug), otherwise a generic sentence with the request id to quote, and the fault
 * logged at error level under `event`.
 */
export function actionFaultMessage(
  err: unknown,
  log: Logger,
  event: string,
  opts: { doing?: string; requestId?: string; retry?: boolean } = {},
): string {
  if (isHashBusy(err)) {
    log.warn({ event: "hash.busy", during: event }, "password hashing at capacity; refused");
    return UNAVAILABLE_MESSAGE;
  }
  if (isDatabaseUnavailable(err)) {
    log.warn({ event: "db.unavailable", during: event }, "database unavailable");
    return UNAVAILABLE_MESSAGE;
  }
  log.error({ event, err }, "unexpected fault");
  const doing = opts.doing ? ` ${opts.doing}` : "";
  const retry = opts.retry === false ? "" : ". Please try again";
  return `An unexpected error occurred${doing}${retry} (reference ${opts.requestId ?? "n/a"}).`;
}
