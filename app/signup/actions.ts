"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { redirect } from "next/navigation";
import { startSession } from "@/lib/auth/credentials/browser-session";
import { isDomainError } from "@/lib/errors";
import { localizedRefusal } from "@/lib/i18n/refusal";
import { requestLocale } from "@/lib/i18n/request-locale";
import { pageFieldErrors } from "@/lib/ui-messages";
import { actionContext } from "@/lib/use-case/action-context";
import { registerUser, type RegisteredUser } from "@/lib/users/register";
import type { SignupState, SignupValues } from "./state";

// The form's labels, for the use case's sentences that name no single field (lib/ui-messages.ts).
const LABELS = { username: "Username", email: "Email", password: "Password" };

function formString(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

export async function signup(_prev: SignupState, form: FormData): Promise<SignupState> {
  const values: SignupValues = {
    username: formString(form, "username"),
    email: formString(form, "email"),
    // Not on the form any more; a hand-made post may still carry them (the API takes them too).
    role: formString(form, "role") || "explorer",
    bio: formString(form, "bio"),
  };
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  let user: RegisteredUser;
  try {
    // The page's language becomes the member's (registerUser saves it with the profile).
    user = await registerUser({ ...values, password: formString(form, "password"), locale: await requestLocale() }, ctx);
  } catch (err) {
    if (isDomainError(err)) {
      return { status: "error", ...(await localizedRefusal({ message: err.message, fields: pageFieldErrors(err.fields ?? {}, LABELS) })), values };
    }
    return {
      status: "error",
      message: actionFaultMessage(err, log, "registration.failed", { doing: "during registration", requestId }),
      fields: {},
      values,
    };
  }

  // The form marks itself once hydrated. With JavaScript the new member is signed in and
  // lands on their account; a form posted without it goes to /login with a notice.
  if (formString(form, "js") === "1") {
    await startSession({ id: user.id, username: user.username, email: user.email, isStaff: false, role: user.role });
    log.info({ event: "login.succeeded", userId: user.id, via: "signup" }, "signed in after sign-up");
    redirect("/account");
  }
  redirect(`/login?${new URLSearchParams({ created: "1", username: user.username })}`);
}
