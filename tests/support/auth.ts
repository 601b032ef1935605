import { baseUrl, newUser, postRegister, withPg } from "./helpers";

export interface JsonResponse {
  status: number;
  json: Record<string, unknown> | undefined;
  text: string;
  headers: Headers;
}

async function asJson(res: Response): Promise<JsonResponse> {
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

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
  return asJson(res);
}

export async function apiCall(path: string, opts: { method?: string; token?: string; headers?: Record<string, string>; base?: string } = {}) {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.token) headers.authorization = `Token ${opts.token}`;
  const res = await fetch(`${opts.base ?? baseUrl()}${path}`, { method: opts.method ?? "GET", headers, redirect: "manual" });
  return asJson(res);
}

/**
 * A browser session cookie ("name=value"), obtained the way next-auth's client does it:
 * CSRF token, then POST /api/auth/callback/credentials.
 */
export async function sessionCookie(identifier: string, password: string, base = baseUrl()): Promise<string> {
  const csrfRes = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]);
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: csrfCookie.join("; ") },
    body: new URLSearchParams({ csrfToken, username: identifier, password, callbackUrl: "/account" }),
    redirect: "manual",
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`no session cookie: ${res.status} ${res.headers.get("location")}`);
  return session.split(";")[0];
}
