import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "../../lib/db/embedded";
import { waitFor } from "./wait";

// PgBouncer in transaction mode for tests, run from the deploy sample
// (deploy/pgbouncer/pgbouncer.ini) with this run's ports and files in place of the
// production ones, so the test exercises the configuration operators copy. PgBouncer
// refuses to run as root: as root it runs as the OS user `postgres` (the embedded
// database's user, lib/db/embedded.ts), which must read its folder.

export const SAMPLE_INI = path.resolve("deploy/pgbouncer/pgbouncer.ini");

export function findPgBouncer(): string | undefined {
  const onPath = spawnSync("sh", ["-c", "command -v pgbouncer"], { encoding: "utf8" }).stdout.trim();
  return [process.env.PGBOUNCER, onPath, "/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"].find(
    (c): c is string => !!c && existsSync(c),
  );
}

export interface RunningPgBouncer {
  port: number;
  /** A URL through PgBouncer as `user`, to the sample's database or to `database`. */
  url: (user: string, password: string, database?: string) => string;
  /** PgBouncer's log so far (for failure messages). */
  log: () => string;
  stop: () => Promise<void>;
}

/** The sample with `replacements` applied; each pattern must match (the sample changed otherwise). */
export function renderIni(replacements: [RegExp, string][]): string {
  let ini = readFileSync(SAMPLE_INI, "utf8");
  for (const [pattern, by] of replacements) {
    if (!pattern.test(ini)) throw new Error(`deploy/pgbouncer/pgbouncer.ini no longer matches ${pattern}; update tests/support/pgbouncer.ts`);
    ini = ini.replace(pattern, by);
  }
  return ini;
}

/** The OS user to run as when we are root (PgBouncer refuses root). */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(spawnSync("id", [flag, "postgres"], { encoding: "utf8" }).stdout.trim());
  const uid = id("-u");
  const gid = id("-g");
  if (!Number.isInteger(uid) || !Number.isInteger(gid) || uid === 0) {
    throw new Error('PgBouncer cannot run as root and there is no OS user "postgres" to run it as (the embedded database creates one: start it first).');
  }
  return { uid, gid };
}

/**
 * PgBouncer from the deploy sample, pointing at the PostgreSQL at `upstream`
 * (host:port), on a free loopback port. `users` go into its auth file; `databases` are
 * served beside the sample's `zporta`.
 */
export async function startPgBouncer(opts: {
  upstream: { host: string; port: number };
  users: { name: string; password: string }[];
  databases?: string[];
}): Promise<RunningPgBouncer> {
  const binary = findPgBouncer();
  if (!binary) throw new Error("pgbouncer is not installed: install it (Debian: `apt-get install -y pgbouncer`, which .ci/run does) or set PGBOUNCER to its binary.");
  const dir = mkdtempSync(path.join(os.tmpdir(), "zporta-pgbouncer-"));
  const port = await freePort();
  const user = runAs();
  const file = (name: string) => path.join(dir, name);
  writeFileSync(file("userlist.txt"), opts.users.map((u) => `"${u.name}" "${u.password.replace(/"/g, '""')}"\n`).join(""), { mode: 0o600 });
  writeFileSync(
    file("pgbouncer.ini"),
    renderIni([
      [
        /^zporta = host=\S+ port=\d+ dbname=zporta$/m,
        ["zporta", ...(opts.databases ?? [])].map((db) => `${db} = host=${opts.upstream.host} port=${opts.upstream.port} dbname=${db}`).join("\n"),
      ],
      [/^listen_addr = .*$/m, "listen_addr = 127.0.0.1"],
      [/^listen_port = .*$/m, `listen_port = ${port}`],
      [/^pidfile = .*$/m, `pidfile = ${file("pgbouncer.pid")}`],
      [/^logfile = .*$/m, `logfile = ${file("pgbouncer.log")}`],
      [/^auth_file = .*$/m, `auth_file = ${file("userlist.txt")}`],
    ]),
    { mode: 0o600 },
  );
  if (user) for (const f of ["", "userlist.txt", "pgbouncer.ini"]) chownSync(file(f), user.uid, user.gid);

  const child: ChildProcess = spawn(binary, [file("pgbouncer.ini")], { ...user, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr!.on("data", (c: Buffer) => (stderr = (stderr + c.toString()).slice(-8192)));
  const log = () => (existsSync(file("pgbouncer.log")) ? readFileSync(file("pgbouncer.log"), "utf8") : "") + stderr;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGINT"); // immediate shutdown: tests leave nothing to finish
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(
      "pgbouncer to listen",
      () =>
        new Promise<boolean>((resolve, reject) => {
          if (child.exitCode !== null) return reject(new Error(`pgbouncer exited at start: ${log().trim().split("\n").slice(-3).join(" | ")}`));
          const socket = net.connect(port, "127.0.0.1", () => (socket.destroy(), resolve(true)));
          socket.on("error", () => resolve(false));
        }),
      15_000,
    );
  } catch (err) {
    await stop();
    throw err;
  }
  return {
    port,
    url: (name, password, database = "zporta") => `postgresql://${encodeURIComponent(name)}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    log,
    stop,
  };
}
