import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { createDb, type Db } from "../../lib/db/client";

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
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json: json as Record<string, unknown> | undefined, text, headers: res.headers };
}
