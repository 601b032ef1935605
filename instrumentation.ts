// Runs once when a Next server process boots. The app's own server stamps the client
// address itself; under `next start` this makes every request stamped the same way
// (lib/http/stamp-client-ip.ts), so X-Client-IP and X-Forwarded-For are never taken
// from the client (review L4).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampEveryRequest } = await import("./lib/http/stamp-client-ip");
  const { logger } = await import("./lib/log/logger");
  stampEveryRequest((message) => logger.error({ event: "client_ip.forwarded_ignored" }, message));
  // The email outbox loop, offered here so that it runs on Next's copy of the Prisma client;
  // the app's own HTTP worker starts it once it listens (lib/server/background.ts).
  const { provideBackgroundWork } = await import("./lib/server/background");
  provideBackgroundWork("outbox", async (log) => {
    const [{ startOutboxWorker, stopOutboxWorker }, { onShutdown }] = await Promise.all([
      import("./lib/outbox/worker"),
      import("./lib/server/lifecycle"),
    ]);
    startOutboxWorker({ log });
    onShutdown(stopOutboxWorker);
  });
}
