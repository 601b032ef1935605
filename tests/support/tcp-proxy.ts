import net from "node:net";

export type ProxyMode = "forward" | "refuse" | "blackhole";

/**
 * A TCP proxy in front of PostgreSQL that can fail the way networks fail:
 * "refuse" closes the port (connection refused, like a stopped server), "blackhole"
 * accepts but never answers and freezes open connections (a dead host or a partition).
 * Going back to "forward" cuts whatever was frozen, as a real network would eventually.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  let mode: ProxyMode = "forward";
  const pairs = new Set<{ client: net.Socket; upstream?: net.Socket }>();
  let server: net.Server;
  let port = 0;

  const onConnection = (client: net.Socket) => {
    const pair: { client: net.Socket; upstream?: net.Socket } = { client };
    pairs.add(pair);
    client.on("error", () => {});
    client.once("close", () => {
      pairs.delete(pair);
      pair.upstream?.destroy();
    });
    if (mode === "blackhole") return; // accepted, never answered
    const upstream = net.connect(target.port, target.host);
    pair.upstream = upstream;
    upstream.on("error", () => client.destroy());
    upstream.once("close", () => client.destroy());
    client.pipe(upstream);
    upstream.pipe(client);
  };

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server = net.createServer(onConnection);
      server.once("error", reject);
      server.listen(port, "127.0.0.1", () => {
        port = (server.address() as net.AddressInfo).port;
        resolve();
      });
    });
  await listen();

  const cutAll = () => {
    for (const { client, upstream } of pairs) {
      client.destroy();
      upstream?.destroy();
    }
  };

  return {
    get port() {
      return port;
    },
    async setMode(next: ProxyMode) {
      const previous = mode;
      mode = next;
      if (next === "blackhole") {
        // Freeze open connections: nothing flows either way, nothing is closed.
        for (const { client, upstream } of pairs) {
          client.unpipe();
          upstream?.unpipe();
          client.pause();
          upstream?.pause();
        }
      }
      if (next === "refuse" && previous !== "refuse") {
        cutAll();
        await new Promise<void>((r) => server.close(() => r()));
      }
      if (next !== "refuse" && previous === "refuse") await listen();
      if (next === "forward" && previous === "blackhole") cutAll();
    },
    async close() {
      cutAll();
      if (mode !== "refuse") await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
