"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { requireUserAction } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { submitGuideApplication } from "@/lib/guide-applications/submit";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER } from "@/lib/log/request-id";
import { localizedRefusal } from "@/lib/i18n/refusal";
import { getTranslations } from "next-intl/server";
import type { ApplicationState, ApplicationValues } from "./state";

function formString(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

/** Apply to teach. The domain's zod schema validates; refusals come back next to the form. */
export async function apply(_prev: ApplicationState, form: FormData): Promise<ApplicationState> {
  const values: ApplicationValues = {
    motivation: formString(form, "motivation"),
    experience: formString(form, "experience"),
    subjectsToTeach: formString(form, "subjectsToTeach"),
    referredBy: formString(form, "referredBy"),
  };
  const requestId = (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  const log = logger.child({ requestId });
  try {
    const user = await requireUserAction();
    await submitGuideApplication(values, user, getDb(), log);
  } catch (err) {
    if (isDomainError(err)) {
      if (err.status === 401) {
        const t = await getTranslations("guideApplication");
        return { status: "error", message: t("sessionEnded"), fields: err.fields ?? {}, values };
      }
      return { status: "error", ...(await localizedRefusal(err)), values };
    }
    return {
      status: "error",
      message: actionFaultMessage(err, log, "guide_application.submit_failed", {
        doing: "while sending your application",
        requestId,
      }),
      fields: {},
      values,
    };
  }
  // Outside the try: redirect() throws. The page now shows the pending application.
  redirect("/guide-application?submitted=1");
}
