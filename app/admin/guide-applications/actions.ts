"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { requireStaffAction } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { approveGuideApplication } from "@/lib/guide-applications/approve";
import { rejectGuideApplication } from "@/lib/guide-applications/reject";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER } from "@/lib/log/request-id";
import type { DecisionState } from "./state";

const ROLE_WORDS = { explorer: "explorer", guide: "guide", both: "explorer and guide" } as const;

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
    const input = { applicationId: form.get("applicationId"), adminNotes: notes };
    let message: string;
    if (decision === "approve") {
      const { application, profile } = await approveGuideApplication(input, staff, getDb(), log);
      message = `Approved: ${application.applicant.username} is now an active guide (${ROLE_WORDS[profile!.role]}).`;
    } else if (decision === "reject") {
      const { application } = await rejectGuideApplication(input, staff, getDb(), log);
      message = `Rejected: ${application.applicant.username} can read your notes and may apply again.`;
    } else {
      return { status: "error", message: "Choose Approve or Reject.", fields: {}, notes };
    }
    revalidatePath("/admin/guide-applications", "layout");
    return { status: "done", message };
  } catch (err) {
    if (isDomainError(err)) {
      // A stale page: show the current state along with the sentence.
      if (err.status === 409 || err.status === 404) revalidatePath("/admin/guide-applications", "layout");
      return { status: "error", message: err.message, fields: err.fields ?? {}, notes };
    }
    const message = actionFaultMessage(err, log, "guide_application.decision_failed", { requestId, retry: false });
    return { status: "error", message, fields: {}, notes };
  }
}
