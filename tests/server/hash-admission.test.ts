import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { readOptions, OptionsError } from "../../scripts/server/options";
import { hashAdmissionConfig, hashThreadPoolSize, HashBusyError } from "../../lib/security/hash-admission";
import { STRONG_PASSWORD, uniq, withPg } from "../support/helpers";
import { startTestServer, type TestServer } from "../support/stack";
import { storm } from "../support/storm";
import { logEntries, waitFor } from "../support/wait";

// Admission control for password hashing (lib/security/hash-admission.ts): a worker runs
// at most HASH_CONCURRENCY hashes at once with HASH_QUEUE waiting; past that a request
// that needs a hash is refused at once with 503 + Retry-After, and requests that need
// none (the liveness probe) keep being answered.

const CREATED = '{"message":"User registered successfully."}';
const UNAVAILABLE = '{"error":"Service temporarily unavailable. Please try again."}';

describe("hash admission settings", () => {
  it("defaults, and a malformed value fails the start with one sentence", () => {
    const defaults = hashAdmissionConfig({});
    expect(defaults.concurrency).toBeGreaterThanOrEqual(1);
    expect(hashThreadPoolSize(defaults)).toBeGreaterThan(defaults.concurrency);
    expect(hashAdmissionConfig({ HASH_CONCURRENCY: "3", HASH_QUEUE: "0" })).toEqual({ concurrency: 3, queue: 0 });
    expect(() => readOptions(["--prod"], { NODE_ENV: "test", HASH_CONCURRENCY: "0" })).toThrow(new OptionsError('HASH_CONCURRENCY must be a positive integer, not "0".'));
    expect(() => readOptions(["--prod"], { NODE_ENV: "test", HASH_QUEUE: "lots" })).toThrow(new OptionsError('HASH_QUEUE must be a whole number (0 or more), not "lots".'));
  });

  it("refuses past the limit and the queue, and hands a freed slot to the next in line", async () => {
    // A private copy of the module state: the limit is read once per process.
    const key = Symbol.for("zporta.security.hash-admission");
    const g = globalThis as unknown as Record<symbol, unknown>;
    const saved = g[key];
    g[key] = { config: { concurrency: 1, queue: 1 }, running: 0, waiting: [] };
    try {
      const { withHashAdmission } = await import("../../lib/security/hash-admission");
      let release!: () => void;
      const order: string[] = [];
      const first = withHashAdmission(() => new Promise<void>((r) => (release = r)).then(() => order.push("first")));
      const second = withHashAdmission(async () => order.push("second"));
      await expect(withHashAdmission(async () => order.push("third"))).rejects.toBeInstanceOf(HashBusyError);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(["first", "second"]);
      // Both slots are free again.
      await expect(withHashAdmission(async () => "again")).resolves.toBe("again");
    } finally {
      g[key] = saved;
    }
  });
});

describe("a worker at its hashing limit, under a storm from several processes", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(inject("databaseUrl"), { HASH_CONCURRENCY: "1", HASH_QUEUE: "1", RATE_LIMIT_PREFIX: uniq("ha") });
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("answers some sign-ups 503 + Retry-After, creates the rest, and keeps answering the liveness probe", async () => {
    const prefix = uniq("adm");
    const requests = Array.from({ length: 60 }, (_, i) => ({
      path: "/api/users/register/",
      body: { username: `${prefix}_${i}`, email: `${prefix}_${i}@example.com`, password: STRONG_PASSWORD },
    }));

    // The probe runs one request after another for as long as the storm lasts.
    let stormDone = false;
    const probes: number[] = [];
    const probing = (async () => {
      while (!stormDone) {
        const res = await fetch(`${server.baseUrl}/api/health/live`);
        await res.arrayBuffer();
        probes.push(res.status);
      }
    })();
    const { results } = await storm(server.baseUrl, requests, 5).finally(() => {
      stormDone = true;
    });
    await probing;

    const created = results.filter((r) => r.status === 201);
    const refused = results.filter((r) => r.status === 503);
    expect(results.filter((r) => r.status !== 201 && r.status !== 503)).toEqual([]);
    for (const r of created) expect(r.body).toBe(CREATED);
    for (const r of refused) {
      expect(r.body).toBe(UNAVAILABLE);
      expect(r.retryAfter).toBe("1");
    }
    expect(refused.length).toBeGreaterThan(0);
    expect(created.length).toBeGreaterThan(0);

    expect(probes.length).toBeGreaterThan(0);
    expect(probes.filter((s) => s !== 200)).toEqual([]);

    // Nothing half-made: exactly the accepted sign-ups exist, each with its profile.
    await withPg(async (c) => {
      const { rows } = await c.query<{ n: number; withProfile: number }>(
        `SELECT count(*)::int AS n, count(p.id)::int AS "withProfile" FROM "User" u LEFT JOIN "Profile" p ON p."userId" = u.id WHERE u.username LIKE $1`,
        [`${prefix}\\_%`],
      );
      expect(rows[0]).toEqual({ n: created.length, withProfile: created.length });
    });

    // Each refusal is a warning with its event name, not a fault.
    const busy = await waitFor("the hash.busy log lines", () => {
      const lines = logEntries(server.serverLog).filter((l) => l.event === "hash.busy");
      return lines.length >= refused.length && lines;
    });
    expect(busy.every((l) => l.level === "warn")).toBe(true);
    expect(logEntries(server.serverLog).filter((l) => l.level === "error" || l.level === "fatal")).toEqual([]);
  });
});
