import { ConfigError } from "../../lib/config/deployment";
import { TrustProxyError } from "../../lib/http/trust-proxy";
import { drainLog, logger } from "../../lib/log/logger";
import { StartupError } from "../../lib/server/startup-error";
import { OptionsError } from "./options";
import { listenErrorSentence } from "./port";

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

/**
 * A failed start (supervisor or worker) is one sentence on stderr and exit code 1, never
 * a stack on the screen. The log (JSON lines for the journal or a file) also gets the
 * line, with the stack only when the error was unexpected; in a terminal the sentence
 * alone is enough.
 */
export function failStart(err: unknown): void {
  const { sentence, expected } = startFailure(err);
  if (!process.stdout.isTTY) {
    const event = err instanceof OptionsError || err instanceof TrustProxyError || err instanceof ConfigError ? "server.bad_config" : "server.start_failed";
    logger.fatal({ event, ...(expected ? {} : { err }) }, sentence);
  }
  const lowered = /^[A-Z][a-z]/.test(sentence) ? sentence[0].toLowerCase() + sentence.slice(1) : sentence;
  process.stderr.write(`Could not start: ${lowered}\n`);
  // The log is written asynchronously: let it reach stdout (the exit handler in
  // lib/log/logger.ts writes the rest should this take longer than a second).
  const exit = () => process.exit(1);
  setTimeout(exit, 1000).unref();
  void drainLog().then(exit);
}
