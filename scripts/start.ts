// `npm start`: database (embedded unless DATABASE_URL is set), migrations, a build when
// the sources changed, then the app on PORT (default 3000). Ctrl-C stops it all.
import { ensureBuild } from "./support/build";
import { ensureDatabase } from "./support/database";
import { spawnNext, stopProcess } from "./support/next-server";

const log = (msg: string) => console.log(`[start] ${msg}`);
const port = Number(process.env.PORT ?? 3000);

ensureBuild(log);
const db = await ensureDatabase({ temporary: false, log });
const server = spawnNext({ port, env: { ...process.env, DATABASE_URL: db.url } });
log(`app starting on http://localhost:${port}`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping the app and the database…`);
  await stopProcess(server);
  await db.stop();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
server.on("exit", async (code, signal) => {
  if (stopping) return;
  log(`the app exited (${signal ?? code}); stopping the database`);
  await db.stop();
  process.exit(code ?? 1);
});
