"use server";

import { getDb } from "@/lib/db/client";
import { confirmEmail } from "@/lib/email-verification/confirm";
import type { ActionState } from "../../../components/action-state";
import { runAction } from "../../../components/action-run";
import { formLink } from "../../../components/link-params";

export async function verifyEmail(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("email.verify_failed", async (log) => {
    await confirmEmail(formLink(form), { db: getDb(), log });
    return "Thank you: your email address is verified.";
  });
}
