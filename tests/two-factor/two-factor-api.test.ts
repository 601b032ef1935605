import { describe, expect, it } from "vitest";
import { apiLogin, apiSignedIn, sessionCookie } from "../support/auth";
import { http, testDb, withPg } from "../support/helpers";
import { mailedLink } from "../support/links";
import { enrolTotp, mfaToken, totpCode } from "../support/two-factor";

// Issue 20 points 1, 4 and 7 through the token API, with real codes.

const status = (key: string) => http("/api/users/2fa/", { key });

describe("the two-factor token API", () => {
  it("set up, confirm, regenerate and turn off an authenticator, with the issue's shapes", async () => {
    const user = await apiSignedIn();
    expect((await status(user.token)).json).toEqual({ totp: false, passkeys: 0, recovery_codes_left: 0, required: false });

    const wrongPassword = await http("/api/users/2fa/totp/setup/", { key: user.token, body: { password: "Not-the-password-1" } });
    expect(wrongPassword.status).toBe(400);
    expect(wrongPassword.json).toMatchObject({ error: "The password is incorrect." });

    const setup = await http("/api/users/2fa/totp/setup/", { key: user.token, body: { password: user.password } });
    expect(setup.status).toBe(200);
    const secret = setup.json!.secret as string;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.json!.otpauth_url).toMatch(new RegExp(`^otpauth://totp/Zporta%20Academy:${user.username}\\?.*secret=${secret}`));
    // Not a factor until a code proves the app has the secret.
    expect((await status(user.token)).json!.totp).toBe(false);
    expect((await apiLogin({ username: user.username, password: user.password })).status).toBe(200);

    const wrong = await http("/api/users/2fa/totp/confirm/", { key: user.token, body: { code: totpCode(secret) === "000000" ? "111111" : "000000" } });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toEqual({ error: "Invalid code." });

    const firstCode = totpCode(secret);
    const confirm = await http("/api/users/2fa/totp/confirm/", { key: user.token, body: { code: firstCode } });
    expect(confirm.status).toBe(200);
    const codes = confirm.json!.recovery_codes as string[];
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}$/);
    expect((await status(user.token)).json).toEqual({ totp: true, passkeys: 0, recovery_codes_left: 10, required: false });

    // A second set-up cannot overwrite the confirmed secret.
    const again = await http("/api/users/2fa/totp/setup/", { key: user.token, body: { password: user.password } });
    expect(again.status).toBe(400);

    // The code that confirmed is spent: replaying it is refused.
    const replay = await http("/api/users/2fa/recovery-codes/", { key: user.token, body: { code: firstCode } });
    expect(replay.status).toBe(400);
    expect(replay.json).toEqual({ error: "Invalid code." });

    const regen = await http("/api/users/2fa/recovery-codes/", { key: user.token, body: { code: totpCode(secret, 1) } });
    expect(regen.status).toBe(200);
    const fresh = regen.json!.recovery_codes as string[];
    expect(fresh).toHaveLength(10);
    // The old codes died with the regeneration.
    const old = await http("/api/users/2fa/recovery-codes/", { key: user.token, body: { code: codes[0] } });
    expect(old.json).toEqual({ error: "Invalid code." });

    // Turning off needs the password and a code; a recovery code counts (any case, spaces).
    const noPassword = await http("/api/users/2fa/disable/", { key: user.token, body: { password: "Not-the-password-1", code: fresh[0] } });
    expect(noPassword.status).toBe(400);
    const off = await http("/api/users/2fa/disable/", { key: user.token, body: { password: user.password, code: ` ${fresh[0].toUpperCase()} ` } });
    expect(off.status, off.text).toBe(200);
    expect((await status(user.token)).json).toEqual({ totp: false, passkeys: 0, recovery_codes_left: 0, required: false });
    expect((await apiLogin({ username: user.username, password: user.password })).status).toBe(200);

    const audit = await withPg((c) => c.query(`SELECT action, "actorId" FROM "AuditLog" WHERE "targetId" = $1 AND action LIKE 'two_factor.%' ORDER BY id`, [user.id]));
    expect(audit.rows).toEqual([
      { action: "two_factor.enabled", actorId: user.id },
      { action: "two_factor.recovery_codes_regenerated", actorId: user.id },
      { action: "two_factor.disabled", actorId: user.id },
    ]);
    const mail = await withPg((c) => c.query(`SELECT kind, subject FROM "Outbox" WHERE "to" = $1 AND kind LIKE 'two_factor.%' ORDER BY id`, [user.email]));
    expect(mail.rows.map((r) => r.subject)).toEqual([
      "Two-factor authentication was turned on",
      "New recovery codes were made",
      "Two-factor authentication was turned off",
    ]);
  });

  it("the token login: 401 with an mfa_token and no token, then login/2fa gives the login answer", async () => {
    const user = await apiSignedIn();
    const { secret, recoveryCodes } = await enrolTotp(user.token, user.password);
    const first = await apiLogin({ username: user.username, password: user.password });
    expect(first.status).toBe(401);
    expect(first.json).toEqual({ detail: "Two-factor authentication required.", mfa_required: true, mfa_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/), methods: ["totp", "recovery_code"] });
    expect(first.json).not.toHaveProperty("token");

    const mfa_token = first.json!.mfa_token as string;
    const done = await http("/api/users/login/2fa/", { body: { mfa_token, code: totpCode(secret, 1) } });
    expect(done.status, done.text).toBe(200);
    expect(Object.keys(done.json!).sort()).toEqual(["active_guide", "email", "id", "locale", "preferences", "profile_image_url", "role", "token", "user_id", "username"]);
    expect(done.json).toMatchObject({ id: user.id, username: user.username, email: user.email, role: "explorer", active_guide: false });
    expect((await http("/api/users/profile/", { key: done.json!.token as string })).status).toBe(200);

    // Spent by success.
    const reuse = await http("/api/users/login/2fa/", { body: { mfa_token, code: recoveryCodes[0] } });
    expect(reuse.status).toBe(400);
    expect(reuse.json).toEqual({ error: "This sign-in has expired or was already used. Sign in again." });

    // A recovery code works once.
    const viaRecovery = await http("/api/users/login/2fa/", { body: { mfa_token: await mfaToken(user.username, user.password), code: recoveryCodes[1] } });
    expect(viaRecovery.status).toBe(200);
    const replayRecovery = await http("/api/users/login/2fa/", { body: { mfa_token: await mfaToken(user.username, user.password), code: recoveryCodes[1] } });
    expect(replayRecovery.status).toBe(400);
    expect(replayRecovery.json).toEqual({ error: "Invalid code." });
    expect((await status(done.json!.token as string)).json!.recovery_codes_left).toBe(9);

    // next-auth's endpoint has no second step: it refuses rather than sign in on a password alone.
    await expect(sessionCookie(user.username, user.password)).rejects.toThrow(/no session cookie/);
  });

  it("an mfa_token dies after 5 wrong codes; a replayed authenticator code is refused", async () => {
    const user = await apiSignedIn();
    const { secret } = await enrolTotp(user.token, user.password);
    const token = await mfaToken(user.username, user.password);
    const wrongCode = totpCode(secret) === "123456" ? "654321" : "123456";
    for (let i = 0; i < 5; i++) {
      const res = await http("/api/users/login/2fa/", { body: { mfa_token: token, code: wrongCode } });
      expect(res.json).toEqual({ error: "Invalid code." });
    }
    const dead = await http("/api/users/login/2fa/", { body: { mfa_token: token, code: totpCode(secret, 1) } });
    expect(dead.status).toBe(400);
    expect(dead.json).toEqual({ error: "This sign-in has expired or was already used. Sign in again." });

    // The enrolment used the current step's code: the same code cannot sign in.
    const replay = await http("/api/users/login/2fa/", { body: { mfa_token: await mfaToken(user.username, user.password), code: totpCode(secret) } });
    // Either the step is still the enrolment's (refused as reused) or a step has passed and
    // "now" is a fresh code; only the first proves anything, so pin it with the database.
    const step = Number((await testDb().totpCredential.findUniqueOrThrow({ where: { userId: user.id } })).lastUsedStep);
    if (step >= Math.floor(Date.now() / 30_000)) expect(replay.status).toBe(400);
  });

  it("an expired mfa_token is refused", async () => {
    const user = await apiSignedIn();
    const { secret } = await enrolTotp(user.token, user.password);
    const token = await mfaToken(user.username, user.password);
    await withPg((c) => c.query(`UPDATE "MfaChallenge" SET "createdAt" = now() - interval '10 minutes', "expiresAt" = now() - interval '5 minutes' WHERE "userId" = $1`, [user.id]));
    const res = await http("/api/users/login/2fa/", { body: { mfa_token: token, code: totpCode(secret, 1) } });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: "This sign-in has expired or was already used. Sign in again." });
  });

  it.each([
    ["/api/users/2fa/totp/setup/", "empty", {}],
    ["/api/users/2fa/totp/setup/", "number", { password: 5 }],
    ["/api/users/2fa/totp/confirm/", "array", [1, 2]],
    ["/api/users/2fa/totp/confirm/", "huge code", { code: "x".repeat(10_000) }],
    ["/api/users/2fa/recovery-codes/", "string", "\"hello\""],
    ["/api/users/2fa/disable/", "nulls", { password: null, code: null }],
    ["/api/users/login/2fa/", "empty", {}],
    ["/api/users/login/2fa/", "made-up token", { mfa_token: "nope", code: "123456" }],
    ["/api/users/login/2fa/", "wrong types", { mfa_token: 1, code: ["123456"] }],
  ])("bad body to %s (%s): 400 with one sentence, never 500", async (path, _label, body) => {
    const user = await apiSignedIn();
    const res = await http(path, { key: user.token, body });
    expect(res.status).toBe(400);
    expect(typeof res.json!.error).toBe("string");
  });

  it("401 without credentials; a session cookie from another site does not count", async () => {
    for (const path of ["/api/users/2fa/totp/setup/", "/api/users/2fa/totp/confirm/", "/api/users/2fa/recovery-codes/", "/api/users/2fa/disable/"]) {
      expect((await http(path, { body: { password: "x", code: "123456" } })).status).toBe(401);
    }
    expect((await http("/api/users/2fa/")).status).toBe(401);
    expect((await http("/api/users/2fa")).status).toBe(401);
  });

  it("a password reset never turns 2FA off", async () => {
    const user = await apiSignedIn();
    await enrolTotp(user.token, user.password);
    expect((await http("/api/users/password-reset/", { body: { email: user.email } })).status).toBe(200);
    const link = await mailedLink(testDb(), user.email, "password_reset.requested");
    const NEW = "Fresh-Garden-42";
    const reset = await http("/api/users/password-reset/confirm/", { body: { uid: link.uid, token: link.token, new_password: NEW } });
    expect(reset.status, reset.text).toBe(200);
    const login = await apiLogin({ username: user.username, password: NEW });
    expect(login.status).toBe(401);
    expect(login.json!.mfa_required).toBe(true);
  });

  it("a password change never turns 2FA off and ends pending second steps", async () => {
    const user = await apiSignedIn();
    const { secret, recoveryCodes } = await enrolTotp(user.token, user.password);
    const pending = await mfaToken(user.username, user.password);
    const NEW = "Fresh-Garden-42";
    // This token predates the second factor: the change asks for a code (step-up).
    const body = { current_password: user.password, new_password: NEW, confirm_new_password: NEW, code: recoveryCodes[0] };
    const change = await http("/api/users/change-password/", { key: user.token, body });
    expect(change.status).toBe(200);
    expect((await status(user.token)).json!.totp).toBe(true);
    const stale = await http("/api/users/login/2fa/", { body: { mfa_token: pending, code: totpCode(secret, 1) } });
    expect(stale.status).toBe(400);
    expect((await apiLogin({ username: user.username, password: NEW })).status).toBe(401);
  });

  it("trusted browsers end with sign out everywhere, a 2FA change and a password change", async () => {
    const user = await apiSignedIn();
    const { recoveryCodes } = await enrolTotp(user.token, user.password);
    const trust = () =>
      withPg((c) => c.query(`INSERT INTO "TrustedBrowser" ("userId", "tokenHash", "expiresAt") VALUES ($1, encode(sha256(gen_random_uuid()::text::bytea), 'hex'), now() + interval '30 days')`, [user.id]));
    const count = async () => (await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "TrustedBrowser" WHERE "userId" = $1`, [user.id]))).rows[0].n;

    await trust();
    expect((await http("/api/users/sessions/revoke-others/", { key: user.token, method: "POST" })).status).toBe(200);
    expect(await count()).toBe(0);

    await trust();
    expect((await http("/api/users/2fa/recovery-codes/", { key: user.token, body: { code: recoveryCodes[0] } })).status).toBe(200);
    expect(await count()).toBe(0);

    await trust();
    await withPg((c) => c.query(`UPDATE "User" SET "passwordHash" = "passwordHash" || 'x' WHERE id = $1`, [user.id]));
    expect(await count()).toBe(0);
  });

  it("no TOTP secret, recovery code or mfa_token is readable in any table", async () => {
    const user = await apiSignedIn();
    const { secret, recoveryCodes } = await enrolTotp(user.token, user.password);
    const token = await mfaToken(user.username, user.password);
    const dump = await withPg(async (c) => {
      const tables = await c.query(`SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')`);
      let text = "";
      for (const t of tables.rows) {
        const rows = await c.query(`SELECT t::text AS row FROM "${t.table_schema}"."${t.table_name}" t`);
        text += rows.rows.map((r) => r.row).join("\n");
      }
      return text.toLowerCase();
    });
    expect(dump).toContain(user.username.toLowerCase()); // the dump is real
    const needles = [secret, ...recoveryCodes, ...recoveryCodes.map((c) => c.replace("-", "")), token].map((s) => s.toLowerCase());
    for (const needle of needles) expect(dump.includes(needle), needle).toBe(false);
    // Nor in base64 or hex of the secret's bytes (the sealed value is ciphertext).
    expect(dump.includes(Buffer.from(secret).toString("hex"))).toBe(false);
  });
});
