"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { requireUserAction } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER } from "@/lib/log/request-id";
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
  const requestId = (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  const log = logger.child({ requestId });
  try {
    const user = await requireUserAction();
    const saved = await updateOwnProfile(values, user, getDb(), log);
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
