import { beforeAll, describe, expect, inject, it } from "vitest";
import { issueApiToken } from "../../lib/auth/credentials/api-tokens";
import { authenticateCredentials } from "../../lib/auth/sign-in/authenticate";
import { createSession } from "../../lib/auth/credentials/session-rows";
import { logger } from "../../lib/log/logger";
import { changePassword } from "../../lib/users/change-password";
import { deactivateOwnAccount } from "../../lib/users/deactivate-self";
import { apiCall, apiSignedIn } from "../support/auth";
import { baseUrl, refusal, testDb, withPg } from "../support/helpers";
import { storm } from "../support/storm";
import { testContext } from "../support/context";

// Issue 10: "a password change racing a sign-in on another device never leaves a session
// created with the old password alive". A sign-in creates its session or token only while
// the password hash it verified is still the account's (one guarded INSERT … SELECT … FOR
// SHARE), and the change ends every other session under the user's row lock.

const NEW = "Fresh-Garden-42";

// The use cases' default rate limiters live in the test database.
beforeAll(() => {
  process.env.DATABASE_URL = inject("databaseUrl");
});
const quiet = logger.child({});
quiet.level = "silent";

describe("a sign-in racing a password change", () => {
  it("a sign-in that verified the old password before the change gets no session or token after it", async () => {
    const db = testDb();
    const user = await apiSignedIn();
    const signedIn = await authenticateCredentials({ username: user.username, password: user.password }, { db, ip: "10.9.0.1", via: "api", log: quiet });
    await changePassword({ current_password: user.password, new_password: NEW, confirm_new_password: NEW }, testContext({ actor: { id: user.id, isStaff: false }, db, ip: "10.9.0.2", log: quiet }));
    expect((await refusal(createSession(db, user.id, {}, { credentialStamp: signedIn.credentialStamp }))).code).toBe("invalid_credentials");
    expect((await refusal(issueApiToken(db, user.id, quiet, {}, { credentialStamp: signedIn.credentialStamp }))).code).toBe("invalid_credentials");
    // A sign-in with the new password is fine.
    const fresh = await authenticateCredentials({ username: user.username, password: NEW }, { db, ip: "10.9.0.1", via: "api", log: quiet });
    await expect(createSession(db, user.id, {}, { credentialStamp: fresh.credentialStamp })).resolves.toMatchObject({ id: expect.any(Number) });
  });

  it("a sign-in verified before a deactivation gets no session after it", async () => {
    const db = testDb();
    const user = await apiSignedIn();
    const signedIn = await authenticateCredentials({ username: user.username, password: user.password }, { db, ip: "10.9.0.3", via: "api", log: quiet });
    await deactivateOwnAccount({}, testContext({ actor: { id: user.id, isStaff: false }, db, log: quiet }));
    expect((await refusal(createSession(db, user.id, {}, { credentialStamp: signedIn.credentialStamp }))).code).toBe("invalid_credentials");
  });

  it("3 API sign-ins with the old password and 1 change from 4 processes: no token from the old password survives", async () => {
    const user = await apiSignedIn();
    const requests = [
      { path: "/api/users/change-password/", body: { current_password: user.password, new_password: NEW, confirm_new_password: NEW }, headers: { authorization: `Token ${user.token}` } },
      ...Array.from({ length: 3 }, () => ({ path: "/api/users/login/", body: { username: user.username, password: user.password } })),
    ];
    const { results } = await storm(baseUrl(), requests, 4);
    const change = results.find((r) => r.body.includes("Password changed") || r.body.includes("current_password"));
    expect(change?.status).toBe(200);
    for (const r of results.filter((r) => r.body.includes('"token"'))) {
      const token = (JSON.parse(r.body) as { token: string }).token;
      expect((await apiCall("/api/users/profile/", { token })).status).toBe(401);
    }
    for (const r of results.filter((r) => !r.body.includes('"token"') && r !== change)) expect(r.status).toBe(400);
    const rows = await withPg((c) => c.query(`SELECT count(*)::int AS n FROM "ApiToken" WHERE "userId" = $1`, [user.id]));
    expect(rows.rows[0].n).toBe(1); // the changer's own
  });
});
