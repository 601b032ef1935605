import net from "node:net";
import { afterEach, describe, expect, inject, it } from "vitest";
import { createDb, type Db } from "../../lib/db/client";
import { freePort } from "../../lib/db/embedded";
import { describeDbError, isDatabaseUnavailable, uniqueViolation } from "../../lib/db/errors";
import { DomainError } from "../../lib/errors";
import { uniq } from "../support/helpers";

// isDatabaseUnavailable decides between 503 ("try again") and 500 ("our bug"). Every
// case here is a real error from the real driver stack, provoked for the occasion.

const opened: Db[] = [];
const saved = { ...process.env };
afterEach(async () => {
  process.env = { ...saved };
  await Promise.all(opened.splice(0).map((db) => db.$disconnect().catch(() => {})));
});

function db(url: string, env: Record<string, string> = {}): Db {
  Object.assign(process.env, env);
  const client = createDb(url);
  opened.push(client);
  return client;
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error("expected a failure");
}

describe("recognising an unavailable database", () => {
  it("connection refused (PostgreSQL stopped)", async () => {
    const client = db(`postgresql://postgres:x@127.0.0.1:${await freePort()}/postgres`);
    const err = await failure(client.$queryRaw`SELECT 1`);
    expect(isDatabaseUnavailable(err)).toBe(true);
    const nested = await failure(client.user.create({ data: { username: "x", email: "x@x.io", passwordHash: "x", profile: { create: {} } } }));
    expect(isDatabaseUnavailable(nested)).toBe(true);
  });

  it("a host that accepts but never answers: the connect timeout", async () => {
    const hole = net.createServer(() => {});
    await new Promise<void>((r) => hole.listen(0, "127.0.0.1", () => r()));
    try {
      const port = (hole.address() as net.AddressInfo).port;
      const err = await failure(db(`postgresql://postgres:x@127.0.0.1:${port}/postgres`, { DB_CONNECT_TIMEOUT_MS: "300" }).$queryRaw`SELECT 1`);
      expect(isDatabaseUnavailable(err)).toBe(true);
    } finally {
      hole.close();
    }
  });

  it("a statement slower than the statement timeout", async () => {
    const err = await failure(db(inject("databaseUrl"), { DB_STATEMENT_TIMEOUT_MS: "200" }).$queryRaw`SELECT pg_sleep(2)`);
    expect(isDatabaseUnavailable(err)).toBe(true);
    expect(describeDbError(err)).toMatchObject({ sqlState: "57014" });
  });

  it("a pool with no free connection within the connect timeout", async () => {
    const client = db(inject("databaseUrl"), { DB_POOL_SIZE: "1", DB_CONNECT_TIMEOUT_MS: "300" });
    let release!: () => void;
    let inside!: () => void;
    const entered = new Promise<void>((r) => (inside = r));
    const held = client.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT 1`;
      inside();
      await new Promise<void>((r) => (release = r));
    });
    await entered;
    const err = await failure(client.$queryRaw`SELECT 1`);
    release();
    await held;
    expect(isDatabaseUnavailable(err)).toBe(true);
  });

  it("but not a bug, a bad query or a duplicate", async () => {
    const client = db(inject("databaseUrl"));
    const syntax = await failure(client.$queryRawUnsafe("SELEC 1"));
    expect(isDatabaseUnavailable(syntax)).toBe(false);
    const name = uniq("dup");
    const data = { username: name, email: `${name}@example.com`, passwordHash: "x", profile: { create: {} } };
    await client.user.create({ data });
    const duplicate = await failure(client.user.create({ data }));
    expect(uniqueViolation(duplicate)).toBe("SignInIdentifier_username_taken");
    expect(isDatabaseUnavailable(duplicate)).toBe(false);
    expect(isDatabaseUnavailable(new Error("boom"))).toBe(false);
    expect(isDatabaseUnavailable(new DomainError("invalid", "Bad."))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable("ECONNREFUSED")).toBe(false);
  });
});
