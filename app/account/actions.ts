"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { revalidatePath } from "next/cache";
import { isDomainError } from "@/lib/errors";
import { asMember } from "../components/acting-context";
import { actionContext } from "../components/action-run";
import { updateOwnProfile } from "@/lib/users/update-profile";
import { localizedRefusal } from "@/lib/i18n/refusal";
import { getTranslations } from "next-intl/server";
import type { ProfileState, ProfileValues } from "./state";

function formString(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

export async function saveProfile(_prev: ProfileState, form: FormData): Promise<ProfileState> {
  const values: ProfileValues = { displayName: formString(form, "displayName"), bio: formString(form, "bio") };
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    const saved = await updateOwnProfile(values, await asMember(ctx));
    revalidatePath("/account");
    return { status: "saved", values: { displayName: saved.displayName ?? "", bio: saved.bio ?? "" } };
  } catch (err) {
    if (isDomainError(err)) {
      if (err.status === 401) {
        const t = await getTranslations("account");
        return { status: "error", message: t("sessionEnded"), fields: err.fields ?? {}, values };
      }
      return { status: "error", ...(await localizedRefusal(err)), values };
    }
    return {
      status: "error",
      message: actionFaultMessage(err, log, "profile.update_failed", { doing: "while saving", requestId }),
      fields: {},
      values,
    };
  }
}
