"use server";

import { getTranslations } from "next-intl/server";
import { actionContext } from "../../components/action-run";
import { requireOwnSessionAction } from "@/lib/auth/who/current-user";
import { requestEmailChange } from "@/lib/email-change/request";
import { isDomainError } from "@/lib/errors";
import { actionFaultMessage } from "@/lib/http/action-fault";
import { localizedRefusal } from "@/lib/i18n/refusal";
import { withCaller } from "@/lib/use-case/context";
import type { EmailChangeState } from "./email-state";

// The security page's "Email address" form: an adapter over requestEmailChange, which
// holds every rule (password, step-up, address checks, limits).
export async function requestEmailChangeAction(_prev: EmailChangeState, form: FormData): Promise<EmailChangeState> {
  const newEmail = typeof form.get("new_email") === "string" ? String(form.get("new_email")) : "";
  const base = await actionContext();
  try {
    const { user, sessionId } = await requireOwnSessionAction();
    const ctx = withCaller(base, user, { kind: "browser", id: sessionId });
    const { sentTo } = await requestEmailChange({ new_email: newEmail, password: form.get("email_password") ?? undefined }, ctx);
    return { status: "sent", message: (await getTranslations("emailChange"))("sent", { email: sentTo }) };
  } catch (err) {
    if (isDomainError(err)) {
      const { message, fields } = await localizedRefusal(err);
      return { status: "error", message, fields, newEmail };
    }
    return {
      status: "error",
      message: actionFaultMessage(err, base.log, "email_change.failed", { doing: "while changing your email address", requestId: base.requestId }),
      fields: {},
      newEmail,
    };
  }
}
