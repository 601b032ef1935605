"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { revalidatePath } from "next/cache";
import { isDomainError } from "@/lib/errors";
import { localizedRefusal } from "@/lib/i18n/refusal";
import { getTranslations } from "next-intl/server";
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
    const t = await getTranslations("invitations");
    return { status: "sent", n, message: t("sentMessage", { email: sent.invitation.inviteeEmail }) };
  } catch (err) {
    if (isDomainError(err)) {
      if (err.status === 401) {
        const t = await getTranslations("invitations");
        return { status: "error", n, message: t("sessionEnded"), fields: err.fields ?? {}, values };
      }
      return { status: "error", n, ...(await localizedRefusal(err)), values };
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
    const t = await getTranslations("invitations");
    return t("cancelled", { email: invitation.inviteeEmail });
  });
}
