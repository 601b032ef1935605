import { describe, expect, it } from "vitest";
import { apiLogin, apiSignedIn } from "../support/auth";
import { baseUrl, http, testDb, withPg } from "../support/helpers";
import { SoftAuthenticator } from "../support/soft-authenticator";

// Issue 20 points 2 and 7 through the API, with a software authenticator
// (tests/support/soft-authenticator.ts; the browser flow: e2e/passkeys.spec.ts).

const NOT_ACCEPTED = { error: "This passkey was not accepted. Try again, or use another way to sign in." };
const EXPIRED = { error: "This passkey request has expired or was already used. Try again." };

function authenticator(opts: ConstructorParameters<typeof SoftAuthenticator>[2] = {}) {
  const url = new URL(baseUrl());
  return new SoftAuthenticator(url.hostname, url.origin, opts);
}

async function addPasskey(token: string, key: SoftAuthenticator, name = "Laptop") {
  const options = await http("/api/users/2fa/passkeys/options/", { key: token, method: "POST" });
  expect(options.status, options.text).toBe(200);
  const res = await http("/api/users/2fa/passkeys/", { key: token, body: { name, response: key.register(options.json as { challenge: string }) } });
  expect(res.status, res.text).toBe(201);
  return res.json!.id as number;
}

async function signInOptions() {
  const res = await http("/api/users/login/passkey/options/", { method: "POST" });
  expect(res.status).toBe(200);
  return res.json as { challenge: string; rpId: string; userVerification: string };
}

describe("passkeys", () => {
  it("add a passkey (discoverable, user verification), list it, sign in with it alone, remove it", async () => {
    const user = await apiSignedIn();
    const key = authenticator();
    const options = await http("/api/users/2fa/passkeys/options/", { key: user.token, method: "POST" });
    expect(options.json).toMatchObject({
      rp: { name: "Zporta Academy", id: new URL(baseUrl()).hostname },
      user: { name: user.username },
      authenticatorSelection: { residentKey: "required", userVerification: "required" },
    });
    const saved = await http("/api/users/2fa/passkeys/", { key: user.token, body: { name: "Work laptop", response: key.register(options.json as { challenge: string }) } });
    expect(saved.status, saved.text).toBe(201);
    expect(saved.json).toEqual({ id: expect.any(Number), name: "Work laptop" });
    const list = await http("/api/users/2fa/passkeys/", { key: user.token });
    expect(list.json).toEqual([{ id: saved.json!.id, name: "Work laptop", created_at: expect.any(String), last_used_at: null }]);
    expect((await http("/api/users/2fa/", { key: user.token })).json).toMatchObject({ passkeys: 1 });
    expect(await testDb().outbox.count({ where: { to: user.email, subject: "A passkey was added to your account" } })).toBe(1);

    // Sign in with no username or password: the passkey with user verification is both factors.
    const request = await signInOptions();
    expect(request.userVerification).toBe("required");
    const signedIn = await http("/api/users/login/passkey/", { body: { response: key.assert(request) } });
    expect(signedIn.status, signedIn.text).toBe(200);
    expect(signedIn.json).toMatchObject({ id: user.id, username: user.username, token: expect.stringMatching(/^[0-9a-f]{40}$/) });
    const row = await testDb().passkey.findUniqueOrThrow({ where: { id: saved.json!.id as number } });
    expect(Number(row.counter)).toBe(1);
    expect(row.lastUsedAt).not.toBeNull();

    // The password now asks for a second step, which the passkey passes.
    const first = await apiLogin({ username: user.username, password: user.password });
    expect(first.status).toBe(401);
    expect(first.json!.methods).toEqual(["passkey"]);
    const stepOptions = await http("/api/users/login/2fa/passkey/options/", { body: { mfa_token: first.json!.mfa_token } });
    expect(stepOptions.status, stepOptions.text).toBe(200);
    expect(stepOptions.json!.allowCredentials).toEqual([expect.objectContaining({ id: key.id })]);
    const step = await http("/api/users/login/2fa/passkey/", { body: { mfa_token: first.json!.mfa_token, response: key.assert(stepOptions.json as { challenge: string }) } });
    expect(step.status, step.text).toBe(200);
    expect(step.json).toMatchObject({ id: user.id, token: expect.any(String) });

    const removed = await http(`/api/users/2fa/passkeys/${saved.json!.id}/`, { key: user.token, method: "DELETE" });
    expect(removed.status).toBe(200);
    expect((await http("/api/users/2fa/passkeys/", { key: user.token })).json).toEqual([]);
    expect(await testDb().outbox.count({ where: { to: user.email, subject: "A passkey was removed from your account" } })).toBe(1);
    expect((await apiLogin({ username: user.username, password: user.password })).status).toBe(200);
    const audit = await withPg((c) => c.query(`SELECT action FROM "AuditLog" WHERE "targetId" = $1 AND action LIKE 'two_factor.passkey%' ORDER BY id`, [user.id]));
    expect(audit.rows.map((r) => r.action)).toEqual(["two_factor.passkey_added", "two_factor.passkey_removed"]);
  });

  it("a replayed assertion, a cloned authenticator's counter, another site's origin, no user verification: 400, nothing changes", async () => {
    const user = await apiSignedIn();
    const key = authenticator();
    await addPasskey(user.token, key);

    const request = await signInOptions();
    const response = key.assert(request);
    expect((await http("/api/users/login/passkey/", { body: { response } })).status).toBe(200);
    const replay = await http("/api/users/login/passkey/", { body: { response } });
    expect(replay.status).toBe(400);
    expect(replay.json).toEqual(EXPIRED);

    // A clone whose counter fell behind.
    key.counter = 0;
    const clone = await http("/api/users/login/passkey/", { body: { response: key.assert(await signInOptions()) } });
    expect(clone.json).toEqual(NOT_ACCEPTED);
    key.counter = 10;

    const forgedOrigin = await http("/api/users/login/passkey/", { body: { response: key.assert(await signInOptions(), { origin: "https://evil.example" }) } });
    expect(forgedOrigin.json).toEqual(NOT_ACCEPTED);

    // A challenge the server never issued.
    const tampered = await http("/api/users/login/passkey/", { body: { response: key.assert({ challenge: Buffer.alloc(32, 7).toString("base64url") }) } });
    expect(tampered.json).toEqual(EXPIRED);

    const noUv = authenticator({ userVerified: false });
    const other = await apiSignedIn();
    const options = await http("/api/users/2fa/passkeys/options/", { key: other.token, method: "POST" });
    const refusedRegistration = await http("/api/users/2fa/passkeys/", { key: other.token, body: { name: "x", response: noUv.register(options.json as { challenge: string }) } });
    expect(refusedRegistration.json).toEqual(NOT_ACCEPTED);
    expect(await testDb().passkey.count({ where: { userId: other.id } })).toBe(0);
  });

  it("a foreign passkey cannot pass someone else's second step; a registration challenge is bound to its account", async () => {
    const alice = await apiSignedIn();
    const mallory = await apiSignedIn();
    const aliceKey = authenticator();
    const malloryKey = authenticator();
    await addPasskey(alice.token, aliceKey);
    await addPasskey(mallory.token, malloryKey);

    const first = await apiLogin({ username: alice.username, password: alice.password });
    const mfa_token = first.json!.mfa_token;
    const stepOptions = await http("/api/users/login/2fa/passkey/options/", { body: { mfa_token } });
    const foreign = await http("/api/users/login/2fa/passkey/", { body: { mfa_token, response: malloryKey.assert(stepOptions.json as { challenge: string }) } });
    expect(foreign.status).toBe(400);
    expect(foreign.json).toEqual(NOT_ACCEPTED);

    // Mallory's registration options cannot register a passkey on Alice's account.
    const malloryOptions = await http("/api/users/2fa/passkeys/options/", { key: mallory.token, method: "POST" });
    const crossed = await http("/api/users/2fa/passkeys/", { key: alice.token, body: { name: "x", response: authenticator().register(malloryOptions.json as { challenge: string }) } });
    expect(crossed.json).toEqual(EXPIRED);
    // The same credential cannot be registered twice (on any account).
    const again = await http("/api/users/2fa/passkeys/options/", { key: mallory.token, method: "POST" });
    const duplicate = await http("/api/users/2fa/passkeys/", { key: mallory.token, body: { name: "x", response: aliceKey.register(again.json as { challenge: string }) } });
    expect(duplicate.status).toBe(400);
    // Removing someone else's passkey: 404.
    const alicePasskey = await testDb().passkey.findFirstOrThrow({ where: { userId: alice.id } });
    expect((await http(`/api/users/2fa/passkeys/${alicePasskey.id}/`, { key: mallory.token, method: "DELETE" })).status).toBe(404);
  });

  it.each([
    ["/api/users/2fa/passkeys/", "empty", {}],
    ["/api/users/2fa/passkeys/", "no response", { name: "x" }],
    ["/api/users/2fa/passkeys/", "garbage response", { name: "x", response: { id: "!!", type: "public-key" } }],
    ["/api/users/login/passkey/", "empty", {}],
    ["/api/users/login/passkey/", "bad clientDataJSON", { response: { id: "a", rawId: "a", type: "public-key", response: { clientDataJSON: "bm9wZQ", authenticatorData: "a", signature: "a" } } }],
    ["/api/users/login/2fa/passkey/", "made-up token", { mfa_token: "x", response: {} }],
  ])("bad body to %s (%s): 400 with one sentence", async (path, _label, body) => {
    const user = await apiSignedIn();
    const res = await http(path, { key: user.token, body });
    expect(res.status).toBe(400);
    expect(typeof res.json!.error).toBe("string");
  });
});
