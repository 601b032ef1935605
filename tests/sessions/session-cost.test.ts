import { describe, expect, it } from "vitest";
import { apiCall, apiLogin, registeredUser, sessionCookie } from "../support/auth";

// The per-request cost of authentication (issue 10's closing note): p50 of an
// authenticated GET /api/users/profile/, 200 sequential calls each with a token and with
// a session cookie. Figures are printed, not asserted (the machine is shared).

describe("the cost of an authenticated API call (benchmark: printed, not asserted)", () => {
  it("times GET /api/users/profile/ with a token and with a cookie", async () => {
    const user = await registeredUser();
    const token = (await apiLogin({ username: user.username, password: user.password })).json!.token as string;
    const cookie = await sessionCookie(user.username, user.password);
    const p = (xs: number[], q: number) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * q)];
    const time = async (opts: Parameters<typeof apiCall>[1]) => {
      const t0 = performance.now();
      const res = await apiCall("/api/users/profile/", opts);
      expect(res.status).toBe(200);
      return performance.now() - t0;
    };
    for (let i = 0; i < 20; i++) await time({ token }); // warm-up
    const withToken: number[] = [];
    const withCookie: number[] = [];
    for (let i = 0; i < 200; i++) {
      withToken.push(await time({ token }));
      withCookie.push(await time({ headers: { cookie } }));
    }
    console.log(
      `authenticated GET /api/users/profile/ (200 sequential each, ms): ` +
        `token p50 ${p(withToken, 0.5).toFixed(2)} p90 ${p(withToken, 0.9).toFixed(2)}; ` +
        `cookie p50 ${p(withCookie, 0.5).toFixed(2)} p90 ${p(withCookie, 0.9).toFixed(2)}`,
    );
    expect(withToken).toHaveLength(200);
  });
});
