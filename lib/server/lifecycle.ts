// Process lifecycle shared by the HTTP server (scripts/server/worker.ts, loaded by
// Node) and the app (loaded from Next's bundle): two copies of this module may exist
// in one process, so the state lives on globalThis under a registered symbol.

type Hook = () => Promise<void> | void;

interface LifecycleState {
  draining: boolean;
  hooks: Hook[];
}

const KEY = Symbol.for("zporta.server.lifecycle");

function state(): LifecycleState {
  const g = globalThis as unknown as Record<symbol, LifecycleState | undefined>;
  return (g[KEY] ??= { draining: false, hooks: [] });
}

/** True once this process has begun a graceful shutdown: readiness turns false. */
export function isDraining(): boolean {
  return state().draining;
}

export function markDraining(): void {
  state().draining = true;
}

/**
 * Registers work to stop before the database pool closes (a background loop, a
 * timer): runs after in-flight requests have finished.
 */
export function onShutdown(hook: Hook): void {
  state().hooks.push(hook);
}

export async function runShutdownHooks(onError: (err: unknown) => void): Promise<void> {
  const hooks = state().hooks.splice(0);
  await Promise.all(hooks.map(async (hook) => {
    try {
      await hook();
    } catch (err) {
      onError(err);
    }
  }));
}
