import { headers } from "next/headers";
import { actionFaultMessage } from "@/lib/http/action-fault";
import { isDomainError } from "@/lib/errors";
import { logger, type Logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER } from "@/lib/log/request-id";
import type { ActionState } from "./action-state";

/** The request's id and a logger carrying it, for server actions. */
export async function actionContext(): Promise<{ requestId: string | undefined; log: Logger }> {
  const requestId = (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  return { requestId, log: logger.child({ requestId }) };
}

/**
 * Runs a one-button action: designed refusals become the sentence to show, faults are
 * logged with the request id and answered generically. Never wraps redirect().
 */
export async function runAction(event: string, fn: (log: Logger) => Promise<string>): Promise<ActionState> {
  const { requestId, log } = await actionContext();
  try {
    return { status: "done", message: await fn(log) };
  } catch (err) {
    if (isDomainError(err)) {
      const message = err.status === 401 ? "Your session has ended. Sign in again and retry." : err.message;
      return { status: "error", message };
    }
    return { status: "error", message: actionFaultMessage(err, log, event, { requestId, retry: false }) };
  }
}
