// The app's HTTP server, for every way it runs:
//   npm start             one worker process (WORKERS to change), embedded PostgreSQL unless DATABASE_URL
//   npm run start:prod    WORKERS worker processes (default: one per CPU)
//   npm run dev           Next's development server, one process, no build
// Run directly as `node --import tsx scripts/server.ts [--prod|--dev]` (systemd does).
// Production workers run compiled JavaScript (scripts/server/worker-main.ts, bundled by
// scripts/support/server-bundle.ts); the worker branch below is only a fallback.
import cluster from "node:cluster";
import { authSecret } from "../lib/auth/nextauth/secret";
import { insecureCookieWarning } from "../lib/auth/credentials/session-cookie";
import { twoFactorRequirement } from "../lib/two-factor/policy";
import { mfaEncryptionKey } from "../lib/two-factor/totp/encryption-key";
import { fixDeploymentMode } from "../lib/config/deployment";
import { logger } from "../lib/log/logger";
import { googleJwksUrl } from "../lib/google-login/config";
import { checkLinkTtls } from "../lib/one-time-links/config";
import { checkMailSettings } from "../lib/outbox/transport";
import { rateLimitConfigFromEnv } from "../lib/security/rate-limit-config";
import { readOptions } from "./server/options";
import { checkPortFree } from "./server/port";
import { failStart } from "./server/start-failure";

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
  if (mode === "production" || process.env.MFA_ENCRYPTION_KEY) mfaEncryptionKey(); // the TOTP secrets' key, same rule
  twoFactorRequirement(); // REQUIRE_2FA: staff, guides, all or off
  checkMailSettings(logger); // production: SMTP_URL, or MAIL_DEV_MAILBOX=1
  checkLinkTtls(); // RESET_LINK_TTL_MINUTES, MAGIC_LINK_TTL_MINUTES, VERIFY_EMAIL_LINK_TTL_MINUTES
  googleJwksUrl(); // GOOGLE_JWKS_URL, when set, must be a URL
  // Loud, not fatal (a first try on a laptop may be production over http), and only once
  // every check above has passed: a refused start prints its one sentence and nothing else.
  const insecure = mode === "production" ? insecureCookieWarning() : null;
  if (insecure) logger.warn({ event: "auth.insecure_cookies" }, insecure);
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

main().catch(failStart);
