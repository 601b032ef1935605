"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { revalidatePath } from "next/cache";
import { isDomainError } from "@/lib/errors";
import { cancelInvitation } from "@/lib/invitations/cancel";
import { sendInvitation } from "@/lib/invitations/send";
import { asMember } from "../components/acting-context";
import { actionContext, runAction } from "../components/action-run";
import type { ActionState } from "../components/action-state";
import type { SendState, SendValues } from "./state";

function formString(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

export async function sendInvitationAction(prev: SendState, form: FormData): Promise<SendState> {
  const values: SendValues = { inviteeEmail: formString(form, "inviteeEmail"), personalMessage: formString(form, "personalMessage") };
  const n = (prev.status === "idle" ? 0 : prev.n) + 1;
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    const sent = await sendInvitation(values, await asMember(ctx));
    revalidatePath("/invitations");
    revalidatePath("/admin/invitations");
    return { status: "sent", n, message: `Invitation sent to ${sent.invitation.inviteeEmail}.` };
  } catch (err) {
    if (isDomainError(err)) {
      const message = err.status === 401 ? "Your session has ended. Sign in again to send invitations." : err.message;
      return { status: "error", n, message, fields: err.fields ?? {}, values };
    }
    return {
      status: "error",
      n,
      message: actionFaultMessage(err, log, "invitation.send_failed", { doing: "while sending", requestId }),
      fields: {},
      values,
    };
  }
}

export async function cancelMyInvitationAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("invitation.cancel_failed", async (_log, ctx) => {
    const invitation = await cancelInvitation({ invitationId: form.get("invitationId") }, await asMember(ctx));
    revalidatePath("/invitations");
    return `The invitation to ${invitation.inviteeEmail} was cancelled.`;
  });
}
