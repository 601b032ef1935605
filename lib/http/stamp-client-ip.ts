import http from "node:http";
import { CLIENT_IP_HEADER, isStamping, markStamping } from "./client-ip";
import { checkTrustProxyForHost, parseTrustProxy, resolveClientIp, TrustProxyError, type TrustProxy } from "./trust-proxy";

// Stamping the client address (CLIENT_IP_HEADER) on every request, from the socket and
// TRUST_PROXY, before Next sees it. The app's own server (scripts/server/worker.ts) does it
// in its request handler. Under any other runner (`next start`), instrumentation.ts calls
// stampEveryRequest() at boot, which wraps every HTTP server of the process, so the same
// rule holds there: nothing a client sent under that name, and no X-Forwarded-For but
// from a trusted proxy (review L4). Until someone stamps, clientIp() believes nothing.

export { markStamping };

export function stampRequest(req: http.IncomingMessage, trust: TrustProxy): void {
  req.headers[CLIENT_IP_HEADER] = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trust);
}

/**
 * Under a runner that is not the app's server: every `request` event of every HTTP server
 * in this process is stamped first. A hop-count TRUST_PROXY is believed only on a server
 * bound to loopback (its own listening address, since HOST is the runner's business);
 * elsewhere X-Forwarded-For is ignored and `warn` says so once.
 */
export function stampEveryRequest(warn: (message: string) => void): void {
  if (isStamping()) return;
  markStamping();
  const trust = parseTrustProxy(process.env.TRUST_PROXY);
  const none: TrustProxy = { kind: "none" };
  let warned = false;
  const original = http.Server.prototype.emit;
  http.Server.prototype.emit = function emit(this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === "request") {
      const bound = this.address();
      let effective = trust;
      try {
        checkTrustProxyForHost(trust, typeof bound === "object" && bound ? bound.address : undefined);
      } catch (err) {
        if (!(err instanceof TrustProxyError)) throw err;
        effective = none;
        if (!warned) warn(`${err.message} X-Forwarded-For is ignored.`);
        warned = true;
      }
      stampRequest(args[0] as http.IncomingMessage, effective);
    }
    return (original as (this: http.Server, ...a: unknown[]) => boolean).call(this, event, ...args);
  } as typeof original;
}
