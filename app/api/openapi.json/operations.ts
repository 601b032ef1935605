import type { Operation } from "@/lib/http/contract";
import { openApiDocument } from "@/lib/http/openapi";
import nextAuth from "../auth/[...nextauth]/contract";
import live from "../health/live/contract";
import ready from "../health/ready/contract";
import twoFactor from "../users/2fa/contract";
import twoFactorDisable from "../users/2fa/disable/contract";
import passkeyRemove from "../users/2fa/passkeys/[id]/contract";
import passkeys from "../users/2fa/passkeys/contract";
import passkeyOptions from "../users/2fa/passkeys/options/contract";
import recoveryCodes from "../users/2fa/recovery-codes/contract";
import totpConfirm from "../users/2fa/totp/confirm/contract";
import totpSetup from "../users/2fa/totp/setup/contract";
import changePassword from "../users/change-password/contract";
import deactivate from "../users/deactivate/contract";
import emailChange from "../users/email-change/contract";
import emailChangeConfirm from "../users/email-change/confirm/contract";
import emailChangeUndo from "../users/email-change/undo/contract";
import googleLogin from "../users/google-login/contract";
import guideApplication from "../users/guide-application/contract";
import guide from "../users/guides/[username]/contract";
import guides from "../users/guides/contract";
import approve from "../users/guide-applications/[id]/approve/contract";
import reject from "../users/guide-applications/[id]/reject/contract";
import guideApplications from "../users/guide-applications/contract";
import cancelInvitation from "../users/invitations/[id]/cancel/contract";
import acceptInvitation from "../users/invitations/accept/contract";
import invitations from "../users/invitations/contract";
import sendInvitation from "../users/invitations/send/contract";
import loginSecondStep from "../users/login/2fa/contract";
import loginSecondPasskey from "../users/login/2fa/passkey/contract";
import loginSecondPasskeyOptions from "../users/login/2fa/passkey/options/contract";
import login from "../users/login/contract";
import loginPasskey from "../users/login/passkey/contract";
import loginPasskeyOptions from "../users/login/passkey/options/contract";
import logout from "../users/logout/contract";
import magicLinkExchange from "../users/magic-link/exchange/contract";
import magicLinkLogin from "../users/magic-link-login/[uid]/[token]/contract";
import magicLinkRequest from "../users/magic-link-request/contract";
import resetConfirm from "../users/password-reset/confirm/contract";
import preferences from "../users/preferences/contract";
import passwordReset from "../users/password-reset/contract";
import profile from "../users/profile/contract";
import register from "../users/register/contract";
import search from "../users/search/contract";
import heartbeat from "../users/session/heartbeat/contract";
import session from "../users/sessions/[id]/contract";
import revokeOthers from "../users/sessions/revoke-others/contract";
import sessions from "../users/sessions/contract";
import self from "./contract";

// Every route's contract, in the order the document lists them. A route added without
// its contract here fails tests/openapi.test.ts, which walks app/api.
export const OPERATIONS: Operation[] = [
  register, login, loginSecondStep, loginSecondPasskeyOptions, loginSecondPasskey, loginPasskeyOptions, loginPasskey, logout, googleLogin, magicLinkRequest, magicLinkLogin, magicLinkExchange, passwordReset, resetConfirm,
  twoFactor, totpSetup, totpConfirm, recoveryCodes, twoFactorDisable, passkeyOptions, passkeys, passkeyRemove,
  profile, preferences, guides, guide, search, changePassword, emailChange, emailChangeConfirm, emailChangeUndo, deactivate, sessions, session, revokeOthers, heartbeat,
  guideApplication, guideApplications, approve, reject,
  invitations, sendInvitation, acceptInvitation, cancelInvitation,
  live, ready, nextAuth, self,
].flat();

let cached: Record<string, unknown> | undefined;

/** The document, built once per process (the contracts do not change at run time). */
export function apiDocument(): Record<string, unknown> {
  cached ??= openApiDocument(OPERATIONS, {
    title: "Zporta Academy accounts: the old users API",
    version: "1",
    description:
      "The Django platform's /api/users/ contract, kept byte for byte (snake_case, trailing slashes; " +
      "errors as {\"error\"} on registration, login and one-time links, {\"detail\"} elsewhere). " +
      "Every path also answers without its trailing slash. Generated from the contract.ts beside each route.",
  });
  return cached;
}
