import { headers } from "next/headers";
import { isDomainError } from "@/lib/errors";
import { clientIp } from "@/lib/http/client-ip";
import { actionFaultMessage } from "@/lib/http/action-fault";
import type { LinkRequestContext } from "@/lib/one-time-links/request-by-email";
import { getDb } from "@/lib/db/client";
import { actionContext } from "./action-run";
import type { LinkRequestState } from "./link-request";

/** Runs a link request from a page's form: the same use case as the API, the same answer for every address. */
export async function runLinkRequest(
  form: FormData,
  event: string,
  request: (input: unknown, ctx: LinkRequestContext) => Promise<void>,
  sentMessage: string,
): Promise<LinkRequestState> {
  const raw = form.get("email");
  const email = typeof raw === "string" ? raw.slice(0, 300) : "";
  const { requestId, log } = await actionContext();
  try {
    await request({ email }, { db: getDb(), ip: clientIp(await headers()), log });
  } catch (err) {
    if (isDomainError(err)) return { status: "error", message: err.message, email, field: err.status === 400 ? "email" : undefined };
    return { status: "error", message: actionFaultMessage(err, log, event, { requestId }), email };
  }
  return { status: "sent", message: sentMessage, email };
}
