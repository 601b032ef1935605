"use client";

import { startAuthentication, startRegistration, WebAuthnAbortService } from "@simplewebauthn/browser";

// The browser side of passkeys: ask the server for options, let the browser and the
// authenticator do the ceremony (@simplewebauthn/browser), send the answer back.
// Returns null on success, else the sentence to show.

const DID_NOT_WORK = "The passkey did not work. Try again, or use another way to sign in.";

async function post(path: string, body: unknown): Promise<{ ok: boolean; body: Record<string, unknown> }> {
  const res = await fetch(path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { ok: res.ok, body: ((await res.json().catch(() => ({}))) ?? {}) as Record<string, unknown> };
}

const sentence = (body: Record<string, unknown>) => (typeof body.error === "string" ? body.error : DID_NOT_WORK);
const cancelled = (err: unknown) => err instanceof Error && (err.name === "NotAllowedError" || err.name === "AbortError");

export async function addPasskey(name: string): Promise<string | null> {
  const options = await post("/api/users/2fa/passkeys/options/", {});
  if (!options.ok) return sentence(options.body);
  let response;
  try {
    response = await startRegistration({ optionsJSON: options.body as never });
  } catch (err) {
    return cancelled(err) ? "No passkey was added." : DID_NOT_WORK;
  }
  const saved = await post("/api/users/2fa/passkeys/", { name, response });
  return saved.ok ? null : sentence(saved.body);
}

/** "Sign in with a passkey" (autofill: the username field's suggestions, conditional mediation). */
export async function passkeySignIn(opts: { autofill?: boolean } = {}): Promise<string | null> {
  const res = await fetch("/api/users/login/passkey/options/");
  const options = { ok: res.ok, body: ((await res.json().catch(() => ({}))) ?? {}) as Record<string, unknown> };
  if (!options.ok) return sentence(options.body);
  let response;
  try {
    response = await startAuthentication({ optionsJSON: options.body as never, useBrowserAutofill: !!opts.autofill });
  } catch (err) {
    return cancelled(err) ? "" : DID_NOT_WORK;
  }
  const done = await post("/api/users/login/passkey/", { response });
  return done.ok ? null : sentence(done.body);
}

/** The second step with a passkey, for this browser's pending sign-in. */
export async function passkeySecondStep(trust: boolean): Promise<string | null> {
  const options = await post("/api/users/login/2fa/passkey/options/", {});
  if (!options.ok) return sentence(options.body);
  let response;
  try {
    response = await startAuthentication({ optionsJSON: options.body as never });
  } catch (err) {
    return cancelled(err) ? "" : DID_NOT_WORK;
  }
  const done = await post("/api/users/login/2fa/passkey/", { response, trust });
  return done.ok ? null : sentence(done.body);
}

/** Ends a pending autofill request (before a button starts another ceremony). */
export function cancelPasskeyRequests(): void {
  WebAuthnAbortService.cancelCeremony();
}
