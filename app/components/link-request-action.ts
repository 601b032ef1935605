import { isDomainError } from "@/lib/errors";
import { actionFaultMessage } from "@/lib/http/action-fault";
import type { UseCaseContext } from "@/lib/use-case/context";
import { localizedSentence } from "@/lib/i18n/refusal";
import { actionContext } from "./action-run";
import type { LinkRequestState } from "./link-request";

/** Runs a link request from a page's form: the same use case as the API, the same answer for every address. */
export async function runLinkRequest(
  form: FormData,
  event: string,
  request: (input: unknown, ctx: UseCaseContext) => Promise<void>,
  sentMessage: string,
): Promise<LinkRequestState> {
  const raw = form.get("email");
  const email = typeof raw === "string" ? raw.slice(0, 300) : "";
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    await request({ email }, ctx);
  } catch (err) {
    if (isDomainError(err)) return { status: "error", message: await localizedSentence(err.message), email, field: err.status === 400 ? "email" : undefined };
    return { status: "error", message: actionFaultMessage(err, log, event, { requestId }), email };
  }
  return { status: "sent", message: await localizedSentence(sentMessage), email };
}
