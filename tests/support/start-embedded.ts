// Starts an embedded PostgreSQL from the given package binaries in its own process, asks it
// one question and stops it; prints {"answer": 42} or {"error": "..."}. Used by
// tests/server/startup.test.ts to start several at once from several processes.
//   node --import tsx tests/support/start-embedded.ts <dir> <initdb> <postgres>
import pg from "pg";
import { startEmbeddedPostgres } from "../../lib/db/embedded";

const [dir, initdb, postgres] = process.argv.slice(2);
try {
  const db = await startEmbeddedPostgres({ dir, persistent: false, packageBinaries: { initdb, postgres } });
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  const { rows } = await client.query<{ answer: number }>("SELECT 6 * 7 AS answer");
  await client.end();
  await db.stop();
  console.log(JSON.stringify({ answer: rows[0].answer, dataDir: db.dataDir }));
} catch (err) {
  console.log(JSON.stringify({ error: (err as Error).message }));
  process.exitCode = 1;
}
