import { describe, expect, it } from "vitest";
import { apiSignedIn } from "../support/auth";
import { baseUrl } from "../support/helpers";
import { countBy, storm } from "../support/storm";
import { enrolTotp, mfaToken, totpCode } from "../support/two-factor";

// Issue 20 point 7: a recovery code is spent by one conditional UPDATE and an
// authenticator code's step by another, so simultaneous uses from several processes
// (hitting both worker processes of the test server) succeed exactly once.

// One after another: simultaneous sign-ins of one name would meet sign-in's own limits.
async function firstSteps(user: { username: string; password: string }): Promise<string[]> {
  const tokens: string[] = [];
  for (let i = 0; i < 10; i++) tokens.push(await mfaToken(user.username, user.password));
  return tokens;
}

describe("one code, many simultaneous second steps", () => {
  it("10 uses of one recovery code from 5 processes: exactly one 200", async () => {
    const user = await apiSignedIn();
    const { recoveryCodes } = await enrolTotp(user.token, user.password);
    const tokens = await firstSteps(user);
    const { results } = await storm(baseUrl(), tokens.map((mfa_token) => ({ path: "/api/users/login/2fa/", body: { mfa_token, code: recoveryCodes[0] } })));
    const counts = countBy(results.map((r) => ({ status: r.status, body: r.status === 200 ? "ok" : r.body })));
    expect(counts).toEqual({ "200 ok": 1, '400 {"error":"Invalid code."}': 9 });
  });

  it("10 uses of one authenticator code from 5 processes: exactly one 200", async () => {
    const user = await apiSignedIn();
    const { secret } = await enrolTotp(user.token, user.password);
    const tokens = await firstSteps(user);
    const code = totpCode(secret, 1);
    const { results } = await storm(baseUrl(), tokens.map((mfa_token) => ({ path: "/api/users/login/2fa/", body: { mfa_token, code } })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400)).toHaveLength(9);
  });
});
