"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actionContext, runAction } from "../../components/action-run";
import type { ActionState } from "../../components/action-state";
import { requireOwnSessionAction } from "@/lib/auth/who/current-user";
import { endDevice, endOtherDevices } from "@/lib/auth/credentials/devices";
import { endSession } from "@/lib/auth/credentials/browser-session";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { unlinkGoogle } from "@/lib/google-login/unlink";
import { actionFaultMessage } from "@/lib/http/action-fault";
import { changePassword } from "@/lib/users/change-password";
import { deactivateOwnAccount } from "@/lib/users/deactivate-self";
import { deleteOwnAccount } from "@/lib/users/delete-account";
import type { DeleteState } from "./delete-state";
import type { PasswordState } from "./password-state";
import { withCaller } from "@/lib/use-case/context";
import { localizedRefusal, localizedSentence } from "@/lib/i18n/refusal";
import { pageFieldErrors, SESSION_ENDED } from "@/lib/ui-messages";

// The password form's labels, for the use case's sentences that name no single field (lib/ui-messages.ts).
const PASSWORD_LABELS = { current_password: "Current password", new_password: "New password", confirm_new_password: "Confirm new password" };

// /account/security's buttons. Each re-reads the session on the server: the page having
// rendered a button proves nothing.

// Refuses while staff view the site as this member (view as is read-only).
const currentSession = requireOwnSessionAction;

export async function endDeviceAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("session.revoke_failed", async (log) => {
    const { user } = await currentSession();
    await endDevice(getDb(), user.id, form.get("id"), log);
    revalidatePath("/account/security");
    return "Signed out.";
  });
}

/** Ends every other session, then reloads the page with how many ended (the confirmation step closes). */
export async function endOtherDevicesAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  let revoked = 0;
  const state = await runAction("session.revoke_failed", async (log) => {
    const { user, sessionId } = await currentSession();
    revoked = await endOtherDevices(getDb(), user.id, { kind: "browser", id: sessionId }, { log });
    return "";
  });
  if (state.status === "error") return state;
  redirect(`/account/security?signed-out-others=${revoked}`);
}

export async function changePasswordAction(_prev: PasswordState, form: FormData): Promise<PasswordState> {
  const input = Object.fromEntries(["current_password", "new_password", "confirm_new_password"].map((k) => [k, form.get(k) ?? undefined]));
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    const { user, sessionId } = await currentSession();
    const { revoked } = await changePassword(input, withCaller(ctx, user, { kind: "browser", id: sessionId }));
    revalidatePath("/account/security");
    const message = revoked === 1 ? "Your password was changed. Signed out of 1 other session." : `Your password was changed. Signed out of ${revoked} other sessions.`;
    return { status: "changed", message: await localizedSentence(message) };
  } catch (err) {
    if (isDomainError(err)) {
      const message = err.status === 401 ? "Your session has ended. Sign in again to change your password." : err.message;
      return { status: "error", ...(await localizedRefusal({ message, fields: pageFieldErrors(err.fields ?? {}, PASSWORD_LABELS) })) };
    }
    return { status: "error", message: actionFaultMessage(err, log, "password.change_failed", { doing: "while changing your password", requestId }), fields: {} };
  }
}

/** Deactivates the account, ends this browser's cookie too, and goes to the home page. */
export async function deactivateAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    const { user, sessionId } = await currentSession();
    await deactivateOwnAccount({ reason: form.get("reason") ?? undefined }, withCaller(ctx, user, { kind: "browser", id: sessionId }));
  } catch (err) {
    if (isDomainError(err)) return { status: "error", message: await localizedSentence(err.status === 401 ? "Your session has ended. Sign in again and retry." : err.message) };
    return { status: "error", message: actionFaultMessage(err, log, "account.deactivate_failed", { doing: "while deactivating your account", requestId }) };
  }
  await endSession();
  redirect("/?deactivated=1");
}

/** Deletes the account after checking the password and the typed username, clears the cookie, goes home. */
export async function deleteAccountAction(_prev: DeleteState, form: FormData): Promise<DeleteState> {
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    const { user, sessionId } = await currentSession();
    const input = { password: form.get("password") ?? undefined, confirm_username: form.get("confirm_username") ?? undefined };
    await deleteOwnAccount(input, withCaller(ctx, user, { kind: "browser", id: sessionId }));
  } catch (err) {
    if (isDomainError(err)) {
      return { status: "error", ...(await localizedRefusal({ message: err.status === 401 ? SESSION_ENDED : err.message, fields: err.status === 401 ? {} : (err.fields ?? {}) })) };
    }
    return { status: "error", message: actionFaultMessage(err, log, "account.delete_failed", { doing: "while deleting your account", requestId }), fields: {} };
  }
  await endSession();
  redirect("/?deleted=1");
}

export async function unlinkGoogleAction(_prev: ActionState, _form: FormData): Promise<ActionState> {
  return runAction("google_login.unlink_failed", async (_log, ctx) => {
    const { user, sessionId } = await currentSession();
    const removed = await unlinkGoogle({}, withCaller(ctx, user, { kind: "browser", id: sessionId }));
    revalidatePath("/account/security");
    return removed ? "Google is no longer linked." : "Google was not linked.";
  });
}
