"use server";

import { actionFaultMessage } from "@/lib/http/action-fault";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/who/current-user";
import { endSession, startSession } from "@/lib/auth/credentials/browser-session";
import { isDomainError } from "@/lib/errors";
import { localizedRefusal, localizedSentence } from "@/lib/i18n/refusal";
import { requestLocale } from "@/lib/i18n/request-locale";
import { getTranslations } from "next-intl/server";
import { acceptInvitation } from "@/lib/invitations/accept";
import { registerAndAcceptInvitation, type RegisteredInvitee } from "@/lib/invitations/register-and-accept";
import { TOKEN_PATTERN } from "@/lib/invitations/token";
import { asMember } from "../components/acting-context";
import { actionContext } from "../components/action-run";
import type { ActionState } from "../components/action-state";
import type { RegisterState, RegisterValues } from "./state";

// The token arrives in a hidden field (it is in the page's address already) and is
// never logged.

const ACCEPTED_PATH = "/account?invitation=accepted";

function formString(form: FormData, key: string): string {
  const value = form.get(key);
  return typeof value === "string" ? value : "";
}

function invitationPath(token: string): string {
  return TOKEN_PATTERN.test(token) ? `/accept-invitation?${new URLSearchParams({ token })}` : "/";
}

/** A signed-in user whose email matches accepts. */
export async function acceptAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    await acceptInvitation({ token: formString(form, "token") }, await asMember(ctx));
  } catch (err) {
    if (isDomainError(err)) {
      if (err.status === 401) {
        const t = await getTranslations("acceptInvitation");
        return { status: "error", message: t("sessionEnded") };
      }
      return { status: "error", message: await localizedSentence(err.message) };
    }
    return { status: "error", message: actionFaultMessage(err, log, "invitation.accept_failed", { requestId }) };
  }
  // Outside any try: redirect() works by throwing.
  redirect(ACCEPTED_PATH);
}

/** A new person signs up from the invitation: account, profile and acceptance in one step, then signed in. */
export async function registerAndAcceptAction(prev: RegisterState, form: FormData): Promise<RegisterState> {
  const values: RegisterValues = { username: formString(form, "username"), bio: formString(form, "bio") };
  const n = (prev.status === "idle" ? 0 : prev.n) + 1;
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  let registered: RegisteredInvitee;
  try {
    registered = await registerAndAcceptInvitation(
      {
        token: formString(form, "token"),
        username: values.username,
        password: formString(form, "password"),
        bio: values.bio,
        locale: await requestLocale(),
      },
      ctx,
    );
  } catch (err) {
    if (isDomainError(err)) return { status: "error", n, ...(await localizedRefusal(err)), values };
    return {
      status: "error",
      n,
      message: actionFaultMessage(err, log.child({ via: "invitation" }), "registration.failed", {
        doing: "while creating your account",
        requestId,
      }),
      fields: {},
      values,
    };
  }
  const { user, invitation, profile } = registered;
  await startSession({ id: user.id, username: user.username, email: invitation.inviteeEmail, isStaff: false, role: profile.role });
  log.info({ event: "login.succeeded", userId: user.id, via: "invitation" }, "signed in after sign-up from an invitation");
  redirect(ACCEPTED_PATH);
}

/** Signed in with another address: sign out and come back to the invitation. */
export async function signOutAndReturnAction(form: FormData): Promise<void> {
  const user = await getCurrentUser();
  await endSession();
  if (user) {
    const { log } = await actionContext();
    log.info({ event: "logout.succeeded", userId: user.id, via: "invitation" }, "signed out");
  }
  redirect(invitationPath(formString(form, "token")));
}
