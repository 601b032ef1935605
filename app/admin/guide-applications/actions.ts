"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { isDomainError } from "@/lib/errors";
import { decideGuideApplication } from "@/lib/guide-applications/decide";
import { asStaff } from "../../components/acting-context";
import { actionContext } from "../../components/action-run";
import { localizedRefusal } from "@/lib/i18n/refusal";
import type { DecisionState } from "./state";

/**
 * Approve or reject (the pressed button's `decision`), with optional notes. Someone
 * else deciding first is not a failure: the domain's 409 sentence ("This application
 * was already approved.") is shown, and the page re-renders with what really happened.
 */
export async function decide(_prev: DecisionState, form: FormData): Promise<DecisionState> {
  const notes = typeof form.get("adminNotes") === "string" ? (form.get("adminNotes") as string) : "";
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    const input = { decision: form.get("decision"), applicationId: form.get("applicationId"), adminNotes: notes };
    const t = await getTranslations("adminGuideApplications");
    const roleWords = { explorer: t("roleExplorer"), guide: t("roleGuide"), both: t("roleBoth") } as const;
    const { application, profile } = await decideGuideApplication(input, await asStaff(ctx));
    const message = profile
      ? t("approved", { username: application.applicant.username, role: roleWords[profile.role as keyof typeof roleWords] ?? profile.role })
      : t("rejected", { username: application.applicant.username });
    revalidatePath("/admin/guide-applications", "layout");
    return { status: "done", message };
  } catch (err) {
    if (isDomainError(err)) {
      // A stale page: show the current state along with the sentence.
      if (err.status === 409 || err.status === 404) revalidatePath("/admin/guide-applications", "layout");
      // The use case's English sentence, in the reader's language (lib/i18n/domain-message.ts).
      const { message, fields } = await localizedRefusal(err);
      return { status: "error", message, fields: fields ?? {}, notes };
    }
    const message = actionFaultMessage(err, log, "guide_application.decision_failed", { requestId, retry: false });
    return { status: "error", message, fields: {}, notes };
  }
}
