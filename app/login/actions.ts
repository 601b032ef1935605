"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { redirect } from "next/navigation";
import { authenticateCredentials } from "@/lib/auth/sign-in/authenticate";
import { safeNextPath } from "@/lib/auth/who/next-path";
import { deviceForSignIn, startSession } from "@/lib/auth/credentials/browser-session";
import { isDomainError } from "@/lib/errors";
import { actionContext } from "@/lib/use-case/action-context";
import { localizedSentence } from "@/lib/i18n/refusal";
import { beginBrowserSecondStep, SET_UP_SECOND_FACTOR_PATH } from "@/lib/two-factor/browser-step";
import { mustSetUpSecondFactor } from "@/lib/two-factor/requirement";
import { PAGE_INVALID_CREDENTIALS, type LoginState } from "./state";

function formString(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

export async function login(_prev: LoginState, form: FormData): Promise<LoginState> {
  const username = formString(form, "username");
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  let reactivated = false;
  let secondStep = false;
  let mustEnrol = false;
  try {
    const device = await deviceForSignIn();
    const user = await authenticateCredentials(
      { username, password: formString(form, "password") },
      { db: ctx.db, ip: ctx.ip, device: device.id, log, via: "page" },
    );
    // An account with a second factor is not signed in yet (/login/two-factor).
    secondStep = await beginBrowserSecondStep(user, log);
    // Inside the try: a password change racing this sign-in refuses it like a wrong password.
    if (!secondStep) await startSession(user);
    await device.keep();
    // REQUIRE_2FA covers this member and they have no second factor: set one up first.
    if (!secondStep) mustEnrol = await mustSetUpSecondFactor(ctx.db, user);
    reactivated = user.reactivated;
  } catch (err) {
    if (isDomainError(err)) {
      const message = err.code === "invalid_credentials" ? PAGE_INVALID_CREDENTIALS : err.message;
      return { status: "error", message: await localizedSentence(message), username };
    }
    return {
      status: "error",
      message: actionFaultMessage(err, log, "login.error", { doing: "while signing in", requestId }),
      username,
    };
  }
  // Outside any try: redirect() works by throwing.
  if (secondStep) redirect(`/login/two-factor?next=${encodeURIComponent(safeNextPath(formString(form, "next")))}`);
  if (mustEnrol) redirect(SET_UP_SECOND_FACTOR_PATH);
  // A reactivated account lands where the page can tell them so (issue 10 point 6).
  redirect(reactivated ? "/account?reactivated=1" : safeNextPath(formString(form, "next")));
}
