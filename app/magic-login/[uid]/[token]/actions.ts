"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentSession } from "@/lib/auth/who/current-user";
import { encodeSession, sessionCookie, sessionMaxAgeSeconds } from "@/lib/auth/credentials/session-cookie";
import { getDb } from "@/lib/db/client";
import { localizedSentence } from "@/lib/i18n/refusal";
import { isDomainError } from "@/lib/errors";
import { actionFaultMessage } from "@/lib/http/action-fault";
import { signInWithMagicLink } from "@/lib/magic-link/sign-in";
import { issueExchangeCode } from "@/lib/sign-in-exchange/issue";
import { appReturnTarget, withCode } from "@/lib/sign-in-exchange/return-to";
import { deleteSessionBySecret } from "@/lib/auth/credentials/session-rows";
import { beginBrowserSecondStep, SET_UP_SECOND_FACTOR_PATH } from "@/lib/two-factor/browser-step";
import { mustSetUpSecondFactor } from "@/lib/two-factor/requirement";
import type { ActionState } from "../../../components/action-state";
import { actionContext } from "../../../components/action-run";
import { formLink } from "../../../components/link-params";
import { withBrowserCaller } from "@/lib/use-case/context";

export async function magicSignIn(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  const appTarget = appReturnTarget(form.get("redirect"));
  let destination = "/account";
  let secondStep = false;
  let mustEnrol = false;
  try {
    const current = await getCurrentSession();
    const { user, secret } = await signInWithMagicLink(formLink(form), withBrowserCaller(ctx, current));
    // An account with a second factor: the link was the first step only. The session the
    // link made never reaches the browser.
    secondStep = await beginBrowserSecondStep(user, log);
    if (secondStep) await deleteSessionBySecret(getDb(), secret);
    else {
      const { name, options } = sessionCookie();
      (await cookies()).set(name, await encodeSession(user, secret), { ...options, maxAge: sessionMaxAgeSeconds() });
      // REQUIRE_2FA covers this member and they have no second factor: set one up first.
      mustEnrol = await mustSetUpSecondFactor(getDb(), user);
    }
    if (appTarget && !secondStep) {
      // Back to the platform's single-page app with a 2-minute code it swaps for a token
      // (POST /api/users/magic-link/exchange/); this browser stays signed in here as well.
      const code = await issueExchangeCode(getDb(), user.id, appTarget.origin);
      if (code) destination = withCode(appTarget, code);
      log.info({ event: "sign_in_exchange.issued", userId: user.id, origin: appTarget.origin, issued: !!code }, "magic link finished for the app");
    }
  } catch (err) {
    if (isDomainError(err)) return { status: "error", message: await localizedSentence(err.message) };
    return { status: "error", message: actionFaultMessage(err, log, "magic_link.failed", { requestId }) };
  }
  redirect(secondStep ? "/login/two-factor?next=%2Faccount" : mustEnrol ? SET_UP_SECOND_FACTOR_PATH : destination);
}
