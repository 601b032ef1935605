import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import mysql from "mysql2/promise";
import { freePort } from "../../lib/db/embedded";
import { waitFor } from "./wait";

// A private MariaDB server for the MySQL import tests: Debian's mariadb-server binaries
// (the live platform runs Django on MySQL/MariaDB), a fresh data folder in a temporary
// directory, its own port and socket, stopped and removed by stop(). Only the package is
// needed (.ci/run installs it); no system service is used. Without it the tests fail
// with one sentence saying what to install: they are never skipped.

const SERVER_CANDIDATES = ["/usr/sbin/mariadbd", "/usr/sbin/mysqld", "/usr/bin/mariadbd"];
const INSTALL_DB_CANDIDATES = ["/usr/bin/mariadb-install-db", "/usr/bin/mysql_install_db", "/usr/scripts/mariadb-install-db"];
const CLIENT_CANDIDATES = ["/usr/bin/mariadb", "/usr/bin/mysql"];

const MISSING = "MariaDB is needed for the MySQL import tests and is not installed: apt-get install mariadb-server (.ci/run installs it).";

function find(candidates: string[]): string {
  const found = candidates.find((c) => existsSync(c));
  if (!found) throw new Error(MISSING);
  return found;
}

export interface MariaDb {
  /** mysql://zporta:<password>@127.0.0.1:<port>/<database> */
  url(database: string): string;
  port: number;
  /** A new empty database (utf8mb4, the server's case-insensitive default collation). */
  createDatabase(name: string): Promise<string>;
  /** Loads a mysqldump file into `database` with the mariadb client, as the fixture's README says. */
  load(database: string, file: string): void;
  /** Runs statements as the server's root (over the socket). */
  exec(database: string, sql: string): Promise<void>;
  stop(): Promise<void>;
}

export const MARIADB_USER = "zporta";
export const MARIADB_PASSWORD = "s3cret-import-pw";

export async function startMariaDb(): Promise<MariaDb> {
  const server = find(SERVER_CANDIDATES);
  const installDb = find(INSTALL_DB_CANDIDATES);
  const client = find(CLIENT_CANDIDATES);
  const dir = mkdtempSync(path.join(tmpdir(), "zporta-mariadb-"));
  const data = path.join(dir, "data");
  const socket = path.join(dir, "mysqld.sock");
  mkdirSync(data);
  // mariadbd refuses to run as root: as root, the files belong to the package's mysql user.
  const asRoot = userInfo().uid === 0;
  const runAs = asRoot ? "mysql" : userInfo().username;
  if (asRoot) {
    const ids = spawnSync("id", ["-u", "mysql"], { encoding: "utf8" });
    const gids = spawnSync("id", ["-g", "mysql"], { encoding: "utf8" });
    if (ids.status !== 0) throw new Error(MISSING);
    chmodSync(dir, 0o755);
    chownSync(dir, Number(ids.stdout), Number(gids.stdout));
    chownSync(data, Number(ids.stdout), Number(gids.stdout));
  }
  const init = spawnSync(
    installDb,
    ["--no-defaults", `--datadir=${data}`, `--user=${runAs}`, "--auth-root-authentication-method=normal", "--skip-test-db", "--skip-name-resolve"],
    { encoding: "utf8" },
  );
  if (init.status !== 0) throw new Error(`mariadb-install-db failed: ${init.stderr || init.stdout}`);

  const port = await freePort();
  const errorLog = path.join(dir, "error.log");
  const proc: ChildProcess = spawn(
    server,
    [
      "--no-defaults",
      `--datadir=${data}`,
      `--socket=${socket}`,
      `--port=${port}`,
      "--bind-address=127.0.0.1",
      `--user=${runAs}`,
      `--pid-file=${path.join(dir, "mysqld.pid")}`,
      `--log-error=${errorLog}`,
      "--skip-log-bin",
      "--skip-name-resolve",
      "--innodb-buffer-pool-size=16M",
      "--character-set-server=utf8mb4",
      "--collation-server=utf8mb4_unicode_ci",
    ],
    { stdio: "ignore" },
  );
  const exited = new Promise<void>((resolve) => proc.once("exit", () => resolve()));

  const root = () => mysql.createConnection({ socketPath: socket, user: "root", password: "", multipleStatements: true });
  try {
    await waitFor(
      "MariaDB to accept connections",
      async () => {
        if (proc.exitCode !== null) throw new Error(`mariadbd exited: ${existsSync(errorLog) ? readFileSync(errorLog, "utf8").slice(-2000) : ""}`);
        try {
          const c = await root();
          await c.end();
          return true;
        } catch {
          return false;
        }
      },
      60_000,
    );
    const c = await root();
    await c.query(`CREATE USER '${MARIADB_USER}'@'%' IDENTIFIED BY '${MARIADB_PASSWORD}'; GRANT ALL ON *.* TO '${MARIADB_USER}'@'%';`);
    await c.end();
  } catch (err) {
    proc.kill("SIGKILL");
    await exited;
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }

  const url = (database: string) => `mysql://${MARIADB_USER}:${MARIADB_PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    url,
    port,
    async createDatabase(name) {
      const c = await root();
      await c.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci`);
      await c.end();
      return url(name);
    },
    load(database, file) {
      const res = spawnSync(client, ["--no-defaults", `--socket=${socket}`, "-u", "root", "--default-character-set=utf8mb4", database], {
        input: readFileSync(file),
        encoding: "utf8",
      });
      if (res.status !== 0) throw new Error(`loading ${file} into MariaDB failed: ${res.stderr}`);
    },
    async exec(database, sql) {
      const c = await mysql.createConnection({ socketPath: socket, user: "root", password: "", database, multipleStatements: true });
      try {
        await c.query(sql);
      } finally {
        await c.end();
      }
    },
    async stop() {
      if (proc.exitCode === null) {
        proc.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
