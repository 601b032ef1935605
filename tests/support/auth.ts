import { browserSessionCookie } from "./browser-session";
import { baseUrl, http, newUser, postRegister, readJson, withPg } from "./helpers";

/** A new user made through the public API; returns what signs them in. */
export async function registeredUser(overrides: Record<string, unknown> = {}) {
  const user = newUser(overrides);
  const res = await postRegister(user);
  if (res.status !== 201) throw new Error(`registration failed: ${res.status} ${res.text}`);
  return user as { username: string; email: string; password: string };
}

export async function makeStaff(username: string): Promise<void> {
  await withPg((c) => c.query(`UPDATE "User" SET "isStaff" = true WHERE username = $1`, [username]));
}

/** A user registered through the API (made staff if asked), signed in there: with their id and API token. */
export async function apiSignedIn(opts: { staff?: boolean } = {}) {
  const user = await registeredUser();
  if (opts.staff) await makeStaff(user.username);
  const login = await apiLogin({ username: user.username, password: user.password });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${login.text}`);
  return { ...user, id: login.json!.id as number, token: login.json!.token as string };
}

export async function apiLogin(body: unknown, opts: { base?: string; path?: string; contentType?: string } = {}) {
  const contentType = opts.contentType ?? "application/json";
  const payload =
    contentType === "application/x-www-form-urlencoded" ? new URLSearchParams(body as Record<string, string>).toString() : JSON.stringify(body);
  const res = await fetch(`${opts.base ?? baseUrl()}${opts.path ?? "/api/users/login/"}`, {
    method: "POST",
    headers: { "content-type": contentType },
    body: payload,
    redirect: "manual",
  });
  return readJson(res);
}

export async function apiCall(path: string, opts: { method?: string; token?: string; headers?: Record<string, string>; base?: string } = {}) {
  return http(path, { method: opts.method, key: opts.token, headers: opts.headers, base: opts.base });
}

/** A browser session cookie ("name=value") for this user (tests/support/browser-session.ts). */
export function sessionCookie(identifier: string, password: string, base = baseUrl()): Promise<string> {
  return browserSessionCookie(base, identifier, password);
}
