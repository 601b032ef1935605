"use server";

import { revalidatePath } from "next/cache";
import { requireOwnSessionAction } from "@/lib/auth/who/current-user";
import { isDomainError } from "@/lib/errors";
import { actionFaultMessage } from "@/lib/http/action-fault";
import { localizedSentence } from "@/lib/i18n/refusal";
import type { TwoFactorContext } from "@/lib/two-factor/context";
import { disableTwoFactor } from "@/lib/two-factor/disable";
import { regenerateRecoveryCodes } from "@/lib/two-factor/recovery-codes/regenerate";
import { confirmTotp } from "@/lib/two-factor/totp/confirm";
import { qrCodeSvg, setupTotp } from "@/lib/two-factor/totp/setup";
import { actionContext, runAction } from "../../components/action-run";
import type { ActionState } from "../../components/action-state";
import { removePasskey } from "@/lib/two-factor/passkeys/manage";
import type { TwoFactorState } from "./two-factor-state";
import { withCaller } from "@/lib/use-case/context";

// The authenticator section's forms: thin adapters over lib/two-factor. Each re-reads the
// session (refused while staff view as this member).

const text = (form: FormData, key: string) => {
  const v = form.get(key);
  return typeof v === "string" ? v : "";
};

async function run(event: string, fail: (message: string) => TwoFactorState, fn: (ctx: TwoFactorContext) => Promise<TwoFactorState>): Promise<TwoFactorState> {
  const ctx = await actionContext();
  const { requestId, log } = ctx;
  try {
    const { user, sessionId } = await requireOwnSessionAction();
    const state = await fn(withCaller(ctx, user, { kind: "browser", id: sessionId }));
    revalidatePath("/account/security");
    return "message" in state && state.message ? { ...state, message: await localizedSentence(state.message) } : state;
  } catch (err) {
    if (isDomainError(err)) return fail(await localizedSentence(err.status === 401 ? "Your session has ended. Sign in again and retry." : err.message));
    return fail(actionFaultMessage(err, log, event, { requestId, retry: false }));
  }
}

/** Set-up in two steps on one form: the password (then the QR code), then the first code. */
export async function totpSetupAction(prev: TwoFactorState, form: FormData): Promise<TwoFactorState> {
  if (text(form, "step") === "confirm" && prev.stage === "scan") {
    return run("two_factor.confirm_failed", (error) => ({ ...prev, error }), async (ctx) => {
      const { recoveryCodes } = await confirmTotp({ code: text(form, "setup_code") }, ctx);
      return { stage: "codes", codes: recoveryCodes, message: "Two-factor authentication is on." };
    });
  }
  return run("two_factor.setup_failed", (error) => ({ stage: "idle", error }), async (ctx) => {
    const { secret, otpauthUrl } = await setupTotp({ password: text(form, "setup_password") }, ctx);
    return { stage: "scan", secret, qrSvg: await qrCodeSvg(otpauthUrl) };
  });
}

export async function regenerateCodesAction(_prev: TwoFactorState, form: FormData): Promise<TwoFactorState> {
  return run("two_factor.regenerate_failed", (error) => ({ stage: "idle", error }), async (ctx) => {
    const { recoveryCodes } = await regenerateRecoveryCodes({ code: text(form, "regen_code") }, ctx);
    return { stage: "codes", codes: recoveryCodes, message: "New recovery codes are ready; the old ones no longer work." };
  });
}

export async function disableTwoFactorAction(_prev: TwoFactorState, form: FormData): Promise<TwoFactorState> {
  return run("two_factor.disable_failed", (error) => ({ stage: "idle", error }), async (ctx) => {
    await disableTwoFactor({ password: text(form, "off_password"), code: text(form, "off_code") }, ctx);
    return { stage: "idle", message: "Two-factor authentication is off." };
  });
}

export async function removePasskeyAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return runAction("passkey.remove_failed", async (_log, ctx) => {
    const { user, sessionId } = await requireOwnSessionAction();
    await removePasskey({ id: form.get("id") }, withCaller(ctx, user, { kind: "browser", id: sessionId }));
    revalidatePath("/account/security");
    return "Passkey removed.";
  });
}
