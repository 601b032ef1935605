"use server";

import { getCurrentSession } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { confirmEmail } from "@/lib/email-verification/confirm";
import type { ActionState } from "../../../components/action-state";
import { runAction } from "../../../components/action-run";
import { formLink } from "../../../components/link-params";

export async function verifyEmail(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("email.verify_failed", async (log) => {
    const session = await getCurrentSession();
    // Staff viewing the site as a member are not that member.
    const signedInUserId = session && !session.user.viewedBy ? session.user.id : null;
    const { evicted } = await confirmEmail(formLink(form), { db: getDb(), log, signedInUserId });
    return evicted
      ? "Thank you: your email address is verified. Everyone else was signed out and the password removed; we emailed you a link to choose a new one."
      : "Thank you: your email address is verified.";
  });
}
