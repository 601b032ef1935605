import { actionFaultMessage } from "@/lib/http/action-fault";
import { isDomainError } from "@/lib/errors";
import { localizedSentence } from "@/lib/i18n/refusal";
import type { Logger } from "@/lib/log/logger";
import { actionContext } from "@/lib/use-case/action-context";
import type { UseCaseContext } from "@/lib/use-case/context";
import type { ActionState } from "./action-state";

// Server actions build their use-case context here (lib/use-case/action-context.ts).
export { actionContext };

/**
 * Runs a one-button action: designed refusals become the sentence to show, faults are
 * logged with the request id and answered generically. Never wraps redirect(). `fn` gets
 * the action's one ctx (anonymous: the action adds the actor it authenticates, withCaller).
 */
export async function runAction(event: string, fn: (log: Logger, ctx: UseCaseContext) => Promise<string>): Promise<ActionState> {
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    // Done sentences too: a page's own English sentence with an `errors` entry reads in the page's language.
    return { status: "done", message: await localizedSentence(await fn(log, ctx)) };
  } catch (err) {
    if (isDomainError(err)) {
      const message = err.status === 401 ? "Your session has ended. Sign in again and retry." : err.message;
      // The use case's English sentence, shown in the reader's language (lib/i18n/domain-message.ts).
      return { status: "error", message: await localizedSentence(message) };
    }
    return { status: "error", message: actionFaultMessage(err, log, event, { requestId, retry: false }) };
  }
}
