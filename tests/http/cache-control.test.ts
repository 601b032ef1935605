import { describe, expect, it } from "vitest";
import { apiLogin, apiSignedIn, registeredUser, sessionCookie } from "../support/auth";
import { http } from "../support/helpers";

// Answers carrying a token or personal data must not be kept by a browser or a proxy.

describe("Cache-Control: no-store", () => {
  it("on the token API: a sign-in (with its token), a refused one, and the profile", async () => {
    const user = await registeredUser();
    const ok = await apiLogin({ username: user.username, password: user.password });
    expect(ok.status).toBe(200);
    expect(ok.json?.token).toBeTruthy();
    expect(ok.headers.get("cache-control")).toBe("no-store");
    const refused = await apiLogin({ username: user.username, password: "wrong-password-1" });
    expect(refused.status).toBe(400);
    expect(refused.headers.get("cache-control")).toBe("no-store");
    const profile = await http("/api/users/profile/", { key: ok.json!.token as string });
    expect(profile.status).toBe(200);
    expect(profile.json?.email).toBe(user.email);
    expect(profile.headers.get("cache-control")).toBe("no-store");
  });

  it("on the other JSON routes (jsonRoute), also when unauthenticated", async () => {
    const { token } = await apiSignedIn();
    for (const res of [await http("/api/users/invitations/", { key: token }), await http("/api/users/profile/")]) {
      expect(res.headers.get("cache-control")).toBe("no-store");
    }
  });

  it("pages with personal data are never cached either (Next's dynamic pages)", async () => {
    const user = await registeredUser();
    const cookie = await sessionCookie(user.username, user.password);
    const account = await http("/account", { cookie });
    expect(account.status).toBe(200);
    expect(account.text).toContain(user.username);
    expect(account.headers.get("cache-control")).toMatch(/no-store/);
  });
});
