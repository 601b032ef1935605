// Whether this is a production deployment, for the settings that must not fall back to
// development conveniences (a generated session secret, the dev mailbox).
//
// NODE_ENV alone cannot say it: the server's workers always run with
// NODE_ENV=production because they serve Next's production build, also under a plain
// `npm start` on a laptop. So the supervisor (scripts/server.ts) decides once, from the
// NODE_ENV it was started with (the systemd unit sets it), and passes the answer to its
// workers as ZPORTA_DEPLOYMENT.

export type Env = Record<string, string | undefined>;

export const DEPLOYMENT_VAR = "ZPORTA_DEPLOYMENT";

export function isProductionDeployment(env: Env = process.env): boolean {
  return (env[DEPLOYMENT_VAR] ?? env.NODE_ENV) === "production";
}

/** Called by the supervisor before anything else: fixes the answer for it and its workers. */
export function fixDeploymentMode(env: Env = process.env): "production" | "development" {
  const mode = env.NODE_ENV === "production" ? "production" : "development";
  env[DEPLOYMENT_VAR] = mode;
  return mode;
}

/** A setting that stops the server from starting; its message is the one line an operator reads. */
export class ConfigError extends Error {}
