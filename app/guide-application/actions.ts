"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { redirect } from "next/navigation";
import { isDomainError } from "@/lib/errors";
import { submitGuideApplication } from "@/lib/guide-applications/submit";
import { asMember } from "../components/acting-context";
import { actionContext } from "../components/action-run";
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
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    await submitGuideApplication(values, await asMember(ctx));
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
