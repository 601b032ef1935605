import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, expect, inject } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { DomainError } from "../../lib/errors";

export const baseUrl = () => inject("baseUrl");

/** A name no other test (or earlier run against the same database) uses. */
export function uniq(prefix = "u"): string {
  return `${prefix}_${randomBytes(5).toString("hex")}`;
}

export const STRONG_PASSWORD = "SecurePass123!";

export function newUser(overrides: Record<string, unknown> = {}) {
  const username = uniq("user");
  return { username, email: `${username}@example.com`, password: STRONG_PASSWORD, ...overrides };
}

let db: Db | undefined;
/** Prisma client on the test database, closed after the file's tests. */
export function testDb(): Db {
  if (!db) {
    db = createDb(inject("databaseUrl"));
    const opened = db;
    afterAll(async () => {
      await opened.$disconnect();
      db = undefined;
    });
  }
  return db;
}

export async function withPg<T>(fn: (client: pg.Client) => Promise<T>, url = inject("databaseUrl")): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function postRegister(
  body: unknown,
  opts: { path?: string; contentType?: string; raw?: boolean; headers?: Record<string, string> } = {},
) {
  const contentType = opts.contentType ?? "application/json";
  const payload =
    opts.raw || typeof body === "string"
      ? (body as string)
      : contentType === "application/x-www-form-urlencoded"
        ? new URLSearchParams(body as Record<string, string>).toString()
        : JSON.stringify(body);
  const res = await fetch(`${baseUrl()}${opts.path ?? "/api/users/register/"}`, {
    method: "POST",
    headers: { "content-type": contentType, ...opts.headers },
    body: payload,
    redirect: "manual",
  });
  return readJson(res);
}

/** What a test reads from an answer: status, body as text and (if it parses) as JSON, headers. */
export interface JsonResponse {
  status: number;
  json: Record<string, unknown> | undefined;
  text: string;
  headers: Headers;
}

export async function readJson(res: Response): Promise<JsonResponse> {
  const text = await res.text();
  let json: Record<string, unknown> | undefined;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text, headers: res.headers };
}

export interface HttpOptions {
  method?: string;
  /** `Authorization: Token <key>`. */
  key?: string;
  cookie?: string;
  /** Objects are sent as JSON; strings as they are (content type: JSON unless `headers` say otherwise). */
  body?: unknown;
  headers?: Record<string, string>;
  /** Send this site's `Origin`, as a browser's same-site request does. */
  origin?: boolean;
  /** Another server than the suite's main one. */
  base?: string;
}

/** One request to the app under test, redirects not followed. */
export async function http(path: string, opts: HttpOptions = {}): Promise<JsonResponse> {
  const base = opts.base ?? baseUrl();
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.key) headers.authorization = `Token ${opts.key}`;
  if (opts.cookie) headers.cookie = opts.cookie;
  if (opts.origin) headers.origin = base;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await fetch(`${base}${path}`, { method: opts.method ?? (body === undefined ? "GET" : "POST"), headers, body, redirect: "manual" });
  return readJson(res);
}

/** The DomainError a use case refused with (the test fails if it did not refuse). */
export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const err = await p.then(
    () => {
      throw new Error("expected a refusal");
    },
    (e) => e,
  );
  expect(err).toBeInstanceOf(DomainError);
  return err as DomainError;
}
