"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { requireStaffAction } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { approveGuideApplication } from "@/lib/guide-applications/approve";
import { rejectGuideApplication } from "@/lib/guide-applications/reject";
import { localizedRefusal } from "@/lib/i18n/refusal";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER } from "@/lib/log/request-id";
import type { DecisionState } from "./state";

/**
 * Approve or reject (the pressed button's `decision`), with optional notes. Someone
 * else deciding first is not a failure: the domain's 409 sentence ("This application
 * was already approved.") is shown, and the page re-renders with what really happened.
 */
export async function decide(_prev: DecisionState, form: FormData): Promise<DecisionState> {
  const notes = typeof form.get("adminNotes") === "string" ? (form.get("adminNotes") as string) : "";
  const requestId = (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  const log = logger.child({ requestId });
  try {
    const staff = await requireStaffAction();
    const decision = form.get("decision");
    const t = await getTranslations("adminGuideApplications");
    const roleWords = { explorer: t("roleExplorer"), guide: t("roleGuide"), both: t("roleBoth") } as const;
    const input = { applicationId: form.get("applicationId"), adminNotes: notes };
    let message: string;
    if (decision === "approve") {
      const { application, profile } = await approveGuideApplication(input, staff, getDb(), log);
      message = t("approved", { username: application.applicant.username, role: roleWords[profile!.role as keyof typeof roleWords] ?? profile!.role });
    } else if (decision === "reject") {
      const { application } = await rejectGuideApplication(input, staff, getDb(), log);
      message = t("rejected", { username: application.applicant.username });
    } else {
      return { status: "error", message: t("chooseDecision"), fields: {}, notes };
    }
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
