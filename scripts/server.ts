// The app's HTTP server, for every way it runs:
//   npm start             one worker process (WORKERS to change), embedded PostgreSQL unless DATABASE_URL
//   npm run start:prod    WORKERS worker processes (default: one per CPU)
//   npm run dev           Next's development server, one process, no build
// Run directly as `node --import tsx scripts/server.ts [--prod|--dev]` (systemd does).
// Cluster workers run this same file and take the worker branch.
import cluster from "node:cluster";
import { authSecret } from "../lib/auth/secret";
import { ConfigError, fixDeploymentMode } from "../lib/config/deployment";
import { logger } from "../lib/log/logger";
import { TrustProxyError } from "../lib/http/trust-proxy";
import { googleJwksUrl } from "../lib/google-login/config";
import { checkLinkTtls } from "../lib/one-time-links/config";
import { checkMailSettings } from "../lib/outbox/transport";
import { rateLimitConfigFromEnv } from "../lib/security/rate-limit-config";
import { StartupError } from "../lib/server/startup-error";
import { OptionsError, readOptions } from "./server/options";
import { checkPortFree, listenErrorSentence } from "./server/port";

/**
 * The supervisor's checks of settings a worker would otherwise trip over later, made
 * before building, starting the database or forking: a wrong setting stops the start at
 * once with one sentence, instead of a crash loop of workers.
 */
function checkSettings(): void {
  const mode = fixDeploymentMode(); // workers inherit it (see lib/config/deployment.ts)
  // NEXTAUTH_SECRET, when set or required, must be strong. Development without it uses
  // the generated file, which the workers create in the release folder they run in.
  if (mode === "production" || process.env.NEXTAUTH_SECRET) authSecret();
  checkMailSettings(logger); // production: SMTP_URL, or MAIL_DEV_MAILBOX=1
  checkLinkTtls(); // RESET_LINK_TTL_MINUTES, MAGIC_LINK_TTL_MINUTES, VERIFY_EMAIL_LINK_TTL_MINUTES
  googleJwksUrl(); // GOOGLE_JWKS_URL, when set, must be a URL
  // readOptions() already refused malformed limits; RATE_LIMITS=off is allowed but loud.
  if (!rateLimitConfigFromEnv().enabled) {
    logger.warn({ event: "rate_limits.disabled" }, "RATE_LIMITS=off: no sign-in, sign-up or token limit applies (load tests and imports only)");
  }
}

async function main(): Promise<void> {
  const opts = readOptions();
  if (!cluster.isWorker) checkSettings();
  if (cluster.isWorker) {
    const { runWorker } = await import("./server/worker");
    await runWorker(opts, true);
  } else if (opts.dev) {
    await runDev(opts);
  } else {
    const { runPrimary } = await import("./server/primary");
    await runPrimary(opts);
  }
}

async function runDev(opts: ReturnType<typeof readOptions>): Promise<void> {
  const { ensureDatabase } = await import("./support/database");
  const { runWorker } = await import("./server/worker");
  await checkPortFree(opts.port, opts.host);
  const db = await ensureDatabase({
    temporary: false,
    log: (m) => logger.info({ event: "start.progress" }, m),
    callerHandlesSignals: true,
  });
  process.env.DATABASE_URL = db.url;
  const stop = await runWorker(opts, false).catch(async (err: unknown) => {
    await db.stop();
    throw err;
  });
  const shutdown = async () => {
    await stop("signal");
    await db.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void shutdown());
  process.on("SIGTERM", () => void shutdown());
}

/** What went wrong, in one sentence; `expected` when the sentence says all there is to say. */
function startFailure(err: unknown): { sentence: string; expected: boolean } {
  if (err instanceof StartupError || err instanceof OptionsError || err instanceof TrustProxyError || err instanceof ConfigError) {
    return { sentence: err.message, expected: true };
  }
  const listen = listenErrorSentence(err, Number(process.env.PORT ?? 3000), process.env.HOST?.trim() || undefined);
  if (listen) return { sentence: listen, expected: true };
  const message = String((err as Error)?.message ?? err).split("\n")[0].replace(/\.$/, "");
  return { sentence: `Unexpected error: ${message}.`, expected: false };
}

// A failed start is one sentence on stderr and exit code 1, never a stack on the screen.
// The log (JSON lines for the journal or a file) also gets the line, with the stack only
// when the error was unexpected; in a terminal the sentence alone is enough.
main().catch((err: unknown) => {
  const { sentence, expected } = startFailure(err);
  if (!process.stdout.isTTY) {
    const event = err instanceof OptionsError || err instanceof TrustProxyError || err instanceof ConfigError ? "server.bad_config" : "server.start_failed";
    logger.fatal({ event, ...(expected ? {} : { err }) }, sentence);
  }
  const lowered = /^[A-Z][a-z]/.test(sentence) ? sentence[0].toLowerCase() + sentence.slice(1) : sentence;
  process.stderr.write(`Could not start: ${lowered}\n`);
  process.exit(1);
});
