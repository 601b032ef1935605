"use server";

import { requireUserAction } from "@/lib/auth/who/current-user";
import { getTranslations } from "next-intl/server";
import { resendVerification } from "@/lib/email-verification/resend";
import type { ActionState } from "../components/action-state";
import { runAction } from "../components/action-run";
import { withCaller } from "@/lib/use-case/context";

export async function resendVerificationAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  return runAction("email.verification_failed", async (_log, ctx) => {
    const user = await requireUserAction();
    await resendVerification({}, withCaller(ctx, user, null));
    const t = await getTranslations("account");
    return t("verificationSent");
  });
}
