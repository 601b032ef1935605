import { describe, expect, inject, it } from "vitest";
import { OPERATOR } from "../../lib/actor";
import { setUserActive } from "../../lib/admin/set-active";
import { signOutEverywhere } from "../../lib/admin/sign-out-everywhere";
import { createSession } from "../../lib/auth/credentials/session-rows";
import { resendVerification } from "../../lib/email-verification/resend";
import { unlinkGoogle } from "../../lib/google-login/unlink";
import { twoFactorStatus } from "../../lib/two-factor/status";
import { listPasskeys } from "../../lib/two-factor/passkeys/manage";
import { cliContext } from "../../lib/use-case/cli-context";
import { ANONYMOUS, withBrowserCaller } from "../../lib/use-case/context";
import { nextAuthContext } from "../../lib/use-case/nextauth-context";
import { changePassword } from "../../lib/users/change-password";
import { deactivateOwnAccount } from "../../lib/users/deactivate-self";
import { deleteOwnAccount } from "../../lib/users/delete-account";
import { apiSignedIn } from "../support/auth";
import { testContext } from "../support/context";
import { refusal, testDb } from "../support/helpers";
import { staffContext } from "../support/staff-context";

// Issue 19 part B: every use case of the account, ways in, two-factor and staff areas
// takes (input, ctx) and reads who acts from ctx.actor. These call them with contexts
// built the way each adapter builds them.

describe("the acting account comes from ctx.actor", () => {
  it("a signed-out context is the contract's 401 for every own-account use case, and changes nothing", async () => {
    const user = await apiSignedIn();
    const anonymous = testContext();
    const calls: [string, () => Promise<unknown>][] = [
      ["changePassword", () => changePassword({ current_password: user.password, new_password: "Fresh-Garden-42", confirm_new_password: "Fresh-Garden-42" }, anonymous)],
      ["deactivateOwnAccount", () => deactivateOwnAccount({}, anonymous)],
      ["deleteOwnAccount", () => deleteOwnAccount({}, anonymous)],
      ["resendVerification", () => resendVerification({}, anonymous)],
      ["unlinkGoogle", () => unlinkGoogle({}, anonymous)],
      ["twoFactorStatus", () => twoFactorStatus({}, anonymous)],
      ["listPasskeys", () => listPasskeys({}, anonymous)],
    ];
    for (const [name, call] of calls) expect((await refusal(call())).status, name).toBe(401);
    const row = await testDb().user.findUniqueOrThrow({ where: { id: user.id }, select: { isActive: true } });
    expect(row.isActive).toBe(true);
  });

  it("a staff action refuses a signed-out context (401) and a member (403) before touching the member", async () => {
    const member = await apiSignedIn();
    const target = await apiSignedIn();
    const input = { userId: target.id, active: false, reason: "Test" };
    expect((await refusal(setUserActive(input, testContext()))).status).toBe(401);
    expect((await refusal(setUserActive(input, staffContext({ id: member.id, isStaff: false }, testDb())))).status).toBe(403);
    expect((await testDb().user.findUniqueOrThrow({ where: { id: target.id } })).isActive).toBe(true);
    // The console's operator through the CLI's own builder.
    const cli = cliContext(testDb());
    expect(cli.actor).toEqual({ kind: "operator" });
    expect((await signOutEverywhere({ userId: target.id, reason: "Test" }, cli)).userId).toBe(target.id);
    expect(staffContext(OPERATOR, testDb()).actor).toEqual({ kind: "operator" });
  });
});

describe("the rules that differ by door belong to the use case (ctx.adapter, ctx.credential)", () => {
  it("self-deactivation: the JSON API with a browser cookie confirms the password; the page's button and an API token do not", async () => {
    const db = testDb();
    const viaRoute = await apiSignedIn();
    const session = await createSession(db, viaRoute.id);
    const routeCtx = { ...testContext({ actor: { id: viaRoute.id, isStaff: false }, db }), adapter: "route" as const, credential: { kind: "browser" as const, id: session.id } };
    expect(await refusal(deactivateOwnAccount({ reason: "x" }, routeCtx))).toMatchObject({ status: 400, message: "Enter your password to deactivate your account." });
    expect((await db.user.findUniqueOrThrow({ where: { id: viaRoute.id } })).isActive).toBe(true);
    await deactivateOwnAccount({ password: viaRoute.password }, routeCtx);
    expect((await db.user.findUniqueOrThrow({ where: { id: viaRoute.id } })).isActive).toBe(false);

    const viaPage = await apiSignedIn();
    const pageSession = await createSession(db, viaPage.id);
    await deactivateOwnAccount({}, { ...testContext({ actor: { id: viaPage.id, isStaff: false }, db }), adapter: "action", credential: { kind: "browser", id: pageSession.id } });
    expect((await db.user.findUniqueOrThrow({ where: { id: viaPage.id } })).isActive).toBe(false);

    const viaToken = await apiSignedIn();
    await deactivateOwnAccount({}, { ...testContext({ actor: { id: viaToken.id, isStaff: false }, db, via: "api_token" }), adapter: "route", credential: null });
    expect((await db.user.findUniqueOrThrow({ where: { id: viaToken.id } })).isActive).toBe(false);
  });

  it("deletion: a browser confirms with the password, and only the page's form asks for the typed username", async () => {
    const db = testDb();
    const user = await apiSignedIn();
    const session = await createSession(db, user.id);
    const browser = { ...testContext({ actor: { id: user.id, isStaff: false }, db }), credential: { kind: "browser" as const, id: session.id } };
    expect(await refusal(deleteOwnAccount({}, { ...browser, adapter: "route" }))).toMatchObject({ status: 400, fields: { password: "Enter your password to delete your account." } });
    expect(await refusal(deleteOwnAccount({ password: user.password }, { ...browser, adapter: "action" }))).toMatchObject({ status: 400, fields: { confirm_username: expect.any(String) } });
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
    // The JSON API with the cookie: the password is enough (its contract has no username field).
    expect(await deleteOwnAccount({ password: user.password }, { ...browser, adapter: "route" })).toEqual({ username: user.username });
    expect(await db.user.count({ where: { id: user.id } })).toBe(0);
  });
});

describe("adapter builders", () => {
  it("withBrowserCaller: a session makes its account the actor with its browser credential; a staff member viewing as someone stays anonymous", () => {
    const ctx = testContext();
    const signedIn = withBrowserCaller(ctx, { user: { id: 7, isStaff: false }, sessionId: 70 });
    expect(signedIn.actor).toMatchObject({ kind: "member", id: 7, via: "session" });
    expect(signedIn.credential).toEqual({ kind: "browser", id: 70 });
    expect(withBrowserCaller(ctx, { user: { id: 7, isStaff: false, viewedBy: { staffId: 1 } }, sessionId: 70 }).actor).toBe(ANONYMOUS);
    expect(withBrowserCaller(ctx, null).actor).toBe(ANONYMOUS);
  });

  it("nextAuthContext reads next-auth's plain header record: anonymous, the request id, the user agent; junk headers are skipped", () => {
    // It hands the callbacks the app's client (getDb), as the server's callbacks get it.
    process.env.DATABASE_URL ??= inject("databaseUrl");
    const ctx = nextAuthContext({ "x-request-id": "req-abc-123", "user-agent": ["agent/1", "agent/2"], "bad header": "x", "x-num": 5 });
    expect(ctx.actor).toBe(ANONYMOUS);
    expect(ctx.adapter).toBe("next-auth");
    expect(ctx.requestId).toBe("req-abc-123");
    expect(ctx.userAgent).toBe("agent/1");
    expect(typeof ctx.ip).toBe("string");
    const bare = nextAuthContext();
    expect(bare.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(bare.userAgent).toBeUndefined();
    expect(nextAuthContext("not headers").actor).toBe(ANONYMOUS);
  });
});
