import type http from "node:http";
import net from "node:net";

/**
 * Tracks the connections and requests of one HTTP server so it can stop gracefully:
 * stop accepting, let every request in flight finish, and close each connection only
 * when no request can be racing on it.
 */
export class Drainer {
  private readonly sockets = new Set<net.Socket>();
  private readonly open = new Set<http.ServerResponse>();
  private draining = false;
  private onChange: (() => void) | undefined;

  constructor(private readonly server: http.Server) {
    server.on("connection", (socket: net.Socket) => {
      this.sockets.add(socket);
      socket.once("close", () => {
        this.sockets.delete(socket);
        this.onChange?.();
      });
    });
  }

  /** Call first thing for every request. */
  track(res: http.ServerResponse): void {
    this.open.add(res);
    // During a drain every answer tells the client to open its next request elsewhere.
    if (this.draining) res.setHeader("connection", "close");
    res.once("close", () => {
      this.open.delete(res);
      this.onChange?.();
    });
  }

  get inFlight(): number {
    return this.open.size;
  }

  /**
   * Resolves when every connection has closed, or after `graceMs` when whatever is
   * left is cut (a transaction cut this way rolls back in the database).
   */
  drain(graceMs: number): Promise<{ timedOut: boolean; cut: number }> {
    this.draining = true;
    for (const res of this.open) if (!res.headersSent) res.setHeader("connection", "close");
    // Stop accepting, but NOT through http.Server#close: since Node 19 that also closes
    // idle keep-alive connections at once, and a client sending its next request on one
    // at that instant would lose it. Idle connections are left to the client, which
    // closes them before the Keep-Alive timeout the server advertises, or to that timeout.
    if (this.server.listening) net.Server.prototype.close.call(this.server);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.onChange = undefined;
        const cut = this.open.size;
        this.server.closeAllConnections();
        resolve({ timedOut: true, cut });
      }, graceMs);
      this.onChange = () => {
        if (this.sockets.size > 0 || this.open.size > 0) return;
        clearTimeout(timer);
        this.onChange = undefined;
        resolve({ timedOut: false, cut: 0 });
      };
      this.onChange();
    });
  }
}
