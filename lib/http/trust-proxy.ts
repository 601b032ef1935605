import net from "node:net";

// Who is the client? The socket's peer, unless that peer is a proxy we trust, in which
// case the address that proxy appended to X-Forwarded-For (and so on, leftwards, while
// the hops are trusted). Everything to the left of the first untrusted hop was written
// by the client and is never believed.
//
// TRUST_PROXY (read once by the server, scripts/server/worker.ts):
//   unset, "", "0", "false"   the socket address; X-Forwarded-For is ignored
//   "1", "2", …               that many proxies in front of the app (nginx alone: 1); only
//                             when the server listens on loopback (HOST=127.0.0.1 or ::1),
//                             where nothing but a local proxy can reach it (review L4)
//   "127.0.0.1,10.0.0.0/8,…"  the proxies' own addresses or subnets (IPv4/IPv6, CIDR)
//   "loopback"                shorthand for 127.0.0.0/8 and ::1 (may be mixed into a list)

export type TrustProxy =
  | { kind: "none" }
  | { kind: "hops"; hops: number }
  | { kind: "addresses"; list: net.BlockList };

export class TrustProxyError extends Error {}

export function parseTrustProxy(value: string | undefined): TrustProxy {
  const raw = (value ?? "").trim();
  if (raw === "" || raw === "0" || raw.toLowerCase() === "false") return { kind: "none" };
  if (/^\d+$/.test(raw)) return { kind: "hops", hops: Number(raw) };
  const list = new net.BlockList();
  for (const entry of raw.split(",").map((e) => e.trim()).filter(Boolean)) {
    if (entry === "loopback") {
      list.addSubnet("127.0.0.0", 8, "ipv4");
      list.addAddress("::1", "ipv6");
      continue;
    }
    const [address, bits] = entry.split("/");
    const family = net.isIP(address);
    if (!family) throw new TrustProxyError(`TRUST_PROXY: "${entry}" is not an IP address, a subnet, a hop count or "loopback".`);
    const type = family === 4 ? "ipv4" : "ipv6";
    if (bits === undefined) list.addAddress(address, type);
    else {
      const prefix = Number(bits);
      if (!/^\d+$/.test(bits) || prefix > (family === 4 ? 32 : 128)) {
        throw new TrustProxyError(`TRUST_PROXY: "${entry}" has an invalid prefix length.`);
      }
      list.addSubnet(address, prefix, type);
    }
  }
  return { kind: "addresses", list };
}

/** Is `host` (HOST, or a listening socket's address) reachable only from this machine? */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const h = normalizeIp(host.trim().replace(/^\[(.*)\]$/, "$1"));
  if (h === "localhost" || h === "::1") return true;
  return net.isIPv4(h) && h.startsWith("127.");
}

/**
 * The hop-count form believes whatever the peer wrote; that is safe only when the only
 * possible peer is a proxy on this machine. On any other interface, anyone reaching the
 * port could choose their own address for every per-address limit: refused with one sentence.
 */
export function checkTrustProxyForHost(trust: TrustProxy, host: string | undefined): void {
  if (trust.kind === "hops" && !isLoopbackHost(host)) {
    throw new TrustProxyError(
      `TRUST_PROXY=${trust.hops} (a hop count) is only allowed when HOST is 127.0.0.1 or ::1; list the proxy's own addresses instead (e.g. TRUST_PROXY=127.0.0.1,10.0.0.0/8).`,
    );
  }
}

/** "::ffff:10.1.2.3" → "10.1.2.3", so one client has one spelling whatever the socket family. */
export function normalizeIp(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped ? mapped[1] : address;
}

function isTrusted(list: net.BlockList, address: string): boolean {
  const family = net.isIP(address);
  return family !== 0 && list.check(address, family === 4 ? "ipv4" : "ipv6");
}

/**
 * The client address for one request. `forwardedFor` is the raw X-Forwarded-For value
 * (repeated headers joined by commas, as Node does). An entry that is not a plain IP
 * address ends the walk: the last address we could trust is used instead.
 */
export function resolveClientIp(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trust: TrustProxy,
): string {
  const peer = normalizeIp(socketAddress ?? "unknown");
  if (trust.kind === "none" || forwardedFor === undefined) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((h) => normalizeIp(h.trim()))
    .filter(Boolean);
  // Right to left: the peer, then what each proxy appended.
  const chain = [peer, ...hops.reverse()];
  let i = 0;
  if (trust.kind === "hops") {
    i = Math.min(trust.hops, chain.length - 1);
  } else {
    while (i < chain.length - 1 && isTrusted(trust.list, chain[i])) i++;
  }
  // Never answer with something a client could have typed freely: fall back towards
  // the peer until the entry is an address.
  while (i > 0 && net.isIP(chain[i]) === 0) i--;
  return chain[i];
}
