import net from "node:net";
import { StartupError } from "../../lib/server/startup-error";

/** The sentence for a listen error, or undefined if it is not about the address. */
export function listenErrorSentence(err: unknown, port: number, host: string | undefined): string | undefined {
  const where = host ? `${host}:${port}` : `port ${port}`;
  switch ((err as NodeJS.ErrnoException)?.code) {
    case "EADDRINUSE":
      return `${where} is already in use by another program; stop it or set PORT to a free port.`;
    case "EACCES":
      return `Not allowed to listen on ${where}; use a port above 1023 or start with the right privileges.`;
    case "EADDRNOTAVAIL":
      return `HOST=${host} is not an address of this machine; set HOST to one of its addresses (or unset it for all).`;
    default:
      return undefined;
  }
}

/**
 * Fails the start with one sentence if the server could not listen on PORT/HOST, before
 * building or starting a database for nothing. The address is released at once: the
 * workers listen on it moments later.
 */
export async function checkPortFree(port: number, host: string | undefined): Promise<void> {
  const probe = net.createServer();
  await new Promise<void>((resolve, reject) => {
    probe.once("error", (err) => reject(new StartupError(listenErrorSentence(err, port, host) ?? `Cannot listen on port ${port}: ${err.message}.`)));
    probe.listen({ port, host, exclusive: true }, () => probe.close(() => resolve()));
  });
}
