// The process's one Prisma client lives on globalThis: Next's dev reloads reuse its pool,
// and the HTTP server (scripts/server/worker.ts), which is loaded outside Next's bundle
// and must not load Prisma a second time, can still close it on shutdown.

interface Disconnectable {
  $disconnect(): Promise<void>;
}

const holder = globalThis as unknown as { __db?: Disconnectable };

export const sharedDb = {
  get<T extends Disconnectable>(create: () => T): T {
    holder.__db ??= create();
    return holder.__db as T;
  },
  /** Closes the pool if this process opened one; the next get() opens a new one. */
  async disconnect(): Promise<void> {
    const db = holder.__db;
    holder.__db = undefined;
    await db?.$disconnect();
  },
};
