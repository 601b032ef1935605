"use server";

import { headers } from "next/headers";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { logger } from "@/lib/log/logger";
import { REQUEST_ID_HEADER } from "@/lib/log/request-id";
import { registerUser } from "@/lib/users/register";
import type { SignupState, SignupValues } from "./state";

function formString(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

export async function signup(_prev: SignupState, form: FormData): Promise<SignupState> {
  const values: SignupValues = {
    username: formString(form, "username"),
    email: formString(form, "email"),
    role: formString(form, "role") || "explorer",
    bio: formString(form, "bio"),
  };
  const requestId = (await headers()).get(REQUEST_ID_HEADER) ?? undefined;
  const log = logger.child({ requestId });
  try {
    const user = await registerUser({ ...values, password: formString(form, "password") }, getDb(), log);
    return { status: "success", username: user.username };
  } catch (err) {
    if (isDomainError(err)) {
      return { status: "error", message: err.message, fields: err.fields ?? {}, values };
    }
    log.error({ event: "registration.failed", err }, "unexpected fault");
    return {
      status: "error",
      message: `An unexpected error occurred during registration. Please try again (reference ${requestId ?? "n/a"}).`,
      fields: {},
      values,
    };
  }
}
