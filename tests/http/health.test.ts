import { afterAll, describe, expect, inject, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { migrate, migrationNames, readMigrations } from "../../lib/db/migrate";
import { checkReadiness } from "../../lib/health/readiness";
import { logger } from "../../lib/log/logger";
import { isDraining, markDraining } from "../../lib/server/lifecycle";
import { baseUrl, uniq, withPg } from "../support/helpers";

async function get(path: string) {
  const res = await fetch(`${baseUrl()}${path}`);
  return { status: res.status, headers: res.headers, text: await res.text() };
}

describe("health endpoints", () => {
  for (const path of ["/api/health/live", "/api/health/live/"]) {
    it(`GET ${path}: 200 {"status":"ok"}, never cached`, async () => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.text).toBe('{"status":"ok"}');
      expect(res.headers.get("content-type")).toMatch(/^application\/json/);
      expect(res.headers.get("cache-control")).toBe("no-store");
    });
  }

  for (const path of ["/api/health/ready", "/api/health/ready/"]) {
    it(`GET ${path}: 200 with the database reachable and migrated, nothing secret`, async () => {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(JSON.parse(res.text)).toEqual({ status: "ready", checks: { database: "ok", migrations: "ok" } });
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.headers.get("x-request-id")).toBeTruthy();
      expect(res.text).not.toMatch(/postgres|127\.0\.0\.1|password|version/i);
    });
  }
});

describe("the readiness check", () => {
  const schemas: string[] = [];
  afterAll(async () => {
    await withPg(async (c) => {
      for (const s of schemas) await c.query(`DROP SCHEMA "${s}" CASCADE`);
    });
  });

  it("is not ready while migrations are pending, and names them; ready once applied", async () => {
    const schema = uniq("health");
    schemas.push(schema);
    await withPg((c) => c.query(`CREATE SCHEMA "${schema}"`));
    const url = new URL(inject("databaseUrl"));
    url.searchParams.set("options", `-c search_path=${schema}`);
    const db = createDb(url.toString());
    try {
      const all = readMigrations().map((m) => m.name);
      expect(await checkReadiness(db, logger)).toEqual({
        ready: false,
        body: { status: "unavailable", checks: { database: "ok", migrations: "pending" }, pendingMigrations: all },
      });
      await migrate(url.toString());
      expect((await checkReadiness(db, logger)).ready).toBe(true);
    } finally {
      await db.$disconnect();
    }
  });

  it("caches its migration check: the files are listed once per process, and a migrated database gets one SELECT 1 per probe (review L7)", async () => {
    const real = createDb(inject("databaseUrl"));
    const statements: string[] = [];
    const counting = new Proxy(real, {
      get(target, prop, receiver) {
        if (prop === "$queryRawUnsafe") return (sql: string) => (statements.push(sql), target.$queryRawUnsafe(sql));
        return Reflect.get(target, prop, receiver);
      },
    });
    try {
      expect(migrationNames()).toBe(migrationNames()); // the same list: read once
      expect(migrationNames()).toEqual(readMigrations().map((m) => m.name));
      expect((await checkReadiness(counting, logger)).ready).toBe(true);
      expect(statements).toHaveLength(2); // the first probe compares the migrations
      for (let i = 0; i < 5; i++) expect(await checkReadiness(counting, logger)).toEqual({ ready: true, body: { status: "ready", checks: { database: "ok", migrations: "ok" } } });
      expect(statements.slice(2)).toEqual(Array(5).fill("SELECT 1"));
    } finally {
      await real.$disconnect();
    }
  });

  it("is not ready while the process drains for a restart", async () => {
    const db = createDb(inject("databaseUrl"));
    const state = (globalThis as unknown as Record<symbol, { draining: boolean }>)[Symbol.for("zporta.server.lifecycle")];
    try {
      markDraining();
      expect(isDraining()).toBe(true);
      expect(await checkReadiness(db, logger)).toMatchObject({ ready: false, body: { status: "draining" } });
    } finally {
      (globalThis as unknown as Record<symbol, { draining: boolean }>)[Symbol.for("zporta.server.lifecycle")].draining = state?.draining ?? false;
      await db.$disconnect();
    }
  });
});
