"use server";

import { headers } from "next/headers";
import { requireUserAction } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { getTranslations } from "next-intl/server";
import { resendVerification } from "@/lib/email-verification/resend";
import { clientIp } from "@/lib/http/client-ip";
import type { ActionState } from "../components/action-state";
import { runAction } from "../components/action-run";

export async function resendVerificationAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  return runAction("email.verification_failed", async (log) => {
    const user = await requireUserAction();
    await resendVerification(user.id, { db: getDb(), ip: clientIp(await headers()), log });
    const t = await getTranslations("account");
    return t("verificationSent");
  });
}
