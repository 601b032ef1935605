import { Secret, TOTP } from "otpauth";
import { expect } from "vitest";
import { apiLogin } from "./auth";
import { http } from "./helpers";

// Real RFC 6238 codes for the accounts the tests enrol, made with otpauth as an
// authenticator app would. `ahead` steps into the future (the server accepts ±1 step):
// a test that needs a second fresh code within one 30-second step uses ahead = 1.
// Codes are used in ascending steps, so crossing a step boundary mid-test never turns
// a code into one two steps old.
export function totpCode(secret: string, ahead = 0): string {
  return new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30, algorithm: "SHA1" }).generate({ timestamp: Date.now() + ahead * 30_000 });
}

/** Sets up and confirms an authenticator for the account behind `token`; returns the secret and the recovery codes. */
export async function enrolTotp(token: string, password: string, base?: string): Promise<{ secret: string; recoveryCodes: string[] }> {
  const setup = await http("/api/users/2fa/totp/setup/", { key: token, body: { password }, base });
  expect(setup.status, setup.text).toBe(200);
  const secret = setup.json!.secret as string;
  const confirm = await http("/api/users/2fa/totp/confirm/", { key: token, body: { code: totpCode(secret) }, base });
  expect(confirm.status, confirm.text).toBe(200);
  return { secret, recoveryCodes: confirm.json!.recovery_codes as string[] };
}

/** The first step of a token sign-in for an enrolled account: its mfa_token. */
export async function mfaToken(username: string, password: string, base?: string): Promise<string> {
  const res = await apiLogin({ username, password }, { base });
  expect(res.status, res.text).toBe(401);
  return res.json!.mfa_token as string;
}
