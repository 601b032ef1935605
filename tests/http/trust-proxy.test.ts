import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { clientIp } from "../../lib/http/client-ip";
import { stampEveryRequest } from "../../lib/http/stamp-client-ip";
import { checkTrustProxyForHost, parseTrustProxy, resolveClientIp, TrustProxyError } from "../../lib/http/trust-proxy";
import { oneLine, startRefused } from "../support/start-refusal";

const none = parseTrustProxy(undefined);
const oneHop = parseTrustProxy("1");

describe("client address resolution (TRUST_PROXY)", () => {
  it("without a trusted proxy, uses the socket address and ignores X-Forwarded-For", () => {
    expect(resolveClientIp("203.0.113.7", "1.2.3.4", none)).toBe("203.0.113.7");
    expect(resolveClientIp("203.0.113.7", undefined, parseTrustProxy("0"))).toBe("203.0.113.7");
    expect(resolveClientIp("203.0.113.7", "1.2.3.4", parseTrustProxy("false"))).toBe("203.0.113.7");
  });

  it("normalises IPv4-mapped IPv6 socket addresses", () => {
    expect(resolveClientIp("::ffff:127.0.0.1", undefined, none)).toBe("127.0.0.1");
    expect(resolveClientIp("::1", undefined, none)).toBe("::1");
  });

  it("with one trusted hop, takes the address that proxy appended (the rightmost), never the client's own entries", () => {
    expect(resolveClientIp("127.0.0.1", "198.51.100.9", oneHop)).toBe("198.51.100.9");
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, 198.51.100.9", oneHop)).toBe("198.51.100.9");
    expect(resolveClientIp("127.0.0.1", ["6.6.6.6", "198.51.100.9"], oneHop)).toBe("198.51.100.9");
  });

  it("with N hops, walks N entries from the right, and stops at the leftmost", () => {
    const two = parseTrustProxy("2");
    expect(resolveClientIp("10.0.0.2", "6.6.6.6, 198.51.100.9, 10.0.0.1", two)).toBe("198.51.100.9");
    expect(resolveClientIp("10.0.0.2", "198.51.100.9", two)).toBe("198.51.100.9");
  });

  it("with a trusted proxy without X-Forwarded-For, uses the socket address", () => {
    expect(resolveClientIp("127.0.0.1", undefined, oneHop)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", "", oneHop)).toBe("127.0.0.1");
  });

  it("with a list of proxy addresses and subnets, skips trusted hops right to left", () => {
    const list = parseTrustProxy("loopback, 10.0.0.0/8, 2001:db8::/32");
    expect(resolveClientIp("127.0.0.1", "6.6.6.6, 198.51.100.9, 10.1.2.3", list)).toBe("198.51.100.9");
    expect(resolveClientIp("::ffff:127.0.0.1", "2001:db8::5", list)).toBe("2001:db8::5");
    // The peer itself is not a trusted proxy: its X-Forwarded-For is the client's invention.
    expect(resolveClientIp("198.51.100.20", "6.6.6.6", list)).toBe("198.51.100.20");
    // Everyone is trusted: the leftmost address is the best we know.
    expect(resolveClientIp("127.0.0.1", "10.0.0.5", list)).toBe("10.0.0.5");
  });

  it("never answers with a non-address a client typed", () => {
    expect(resolveClientIp("127.0.0.1", "<script>", oneHop)).toBe("127.0.0.1");
    expect(resolveClientIp("127.0.0.1", "unknown, 198.51.100.9", parseTrustProxy("2"))).toBe("198.51.100.9");
    expect(resolveClientIp("127.0.0.1", "garbage", parseTrustProxy("loopback"))).toBe("127.0.0.1");
  });

  it("refuses a malformed setting with a sentence", () => {
    expect(() => parseTrustProxy("nginx")).toThrow(TrustProxyError);
    expect(() => parseTrustProxy("10.0.0.0/99")).toThrow(/invalid prefix length/);
  });
});

describe("a hop count only where nothing but a local proxy can reach the server (review L4)", () => {
  it("is allowed with HOST on loopback, refused elsewhere with one sentence; an address list is allowed anywhere", () => {
    for (const host of ["127.0.0.1", "::1", "[::1]", "localhost", "127.0.0.2"]) expect(() => checkTrustProxyForHost(parseTrustProxy("1"), host)).not.toThrow();
    for (const host of [undefined, "0.0.0.0", "::", "10.0.0.12", "192.0.2.1"]) {
      expect(() => checkTrustProxyForHost(parseTrustProxy("2"), host)).toThrow(
        "TRUST_PROXY=2 (a hop count) is only allowed when HOST is 127.0.0.1 or ::1; list the proxy's own addresses instead (e.g. TRUST_PROXY=127.0.0.1,10.0.0.0/8).",
      );
      expect(() => checkTrustProxyForHost(parseTrustProxy("127.0.0.1,10.0.0.0/8"), host)).not.toThrow();
      expect(() => checkTrustProxyForHost(parseTrustProxy(undefined), host)).not.toThrow();
    }
  });

  it.each([[{}], [{ HOST: "0.0.0.0" }]])("the production start refuses TRUST_PROXY=1 with %o: exit 1, one sentence", async (env) => {
    const refusal = await startRefused({ TRUST_PROXY: "1", ...env });
    expect(refusal.code).toBe(1);
    const line = oneLine(refusal);
    expect(line).toMatchObject({ level: "fatal", event: "server.bad_config" });
    expect(line.msg).toMatch(/^TRUST_PROXY=1 \(a hop count\) is only allowed when HOST is 127\.0\.0\.1 or ::1;/);
  });
});

describe("under another runner (next start): instrumentation.ts stamps every request the same way", () => {
  it("believes X-Forwarded-For from a hop count only on a loopback-bound server, never a client's X-Client-IP, and clientIp() believes nothing unstamped", async () => {
    expect(clientIp(new Headers({ "x-client-ip": "6.6.6.6" }))).toBe("unknown"); // nothing stamps in this process yet
    process.env.TRUST_PROXY = "1";
    const warnings: string[] = [];
    stampEveryRequest((m) => warnings.push(m));
    const echo = () => http.createServer((req, res) => res.end(clientIp(new Headers(req.headers as Record<string, string>))));
    const listen = (server: http.Server, host: string) => new Promise<number>((resolve) => server.listen(0, host, () => resolve((server.address() as AddressInfo).port)));
    const ask = async (port: number, headers: Record<string, string>) => (await fetch(`http://127.0.0.1:${port}/`, { headers })).text();
    const local = echo();
    const open = echo();
    try {
      const [localPort, openPort] = await Promise.all([listen(local, "127.0.0.1"), listen(open, "0.0.0.0")]);
      // Behind a proxy on this machine: its hop is believed, the client's own entries are not.
      expect(await ask(localPort, { "x-forwarded-for": "6.6.6.6, 198.51.100.9", "x-client-ip": "7.7.7.7" })).toBe("198.51.100.9");
      // Reachable from anywhere: the header is anyone's, so the socket address it is.
      expect(await ask(openPort, { "x-forwarded-for": "198.51.100.9", "x-client-ip": "7.7.7.7" })).toBe("127.0.0.1");
      expect(await ask(openPort, { "x-forwarded-for": "198.51.100.10" })).toBe("127.0.0.1");
      expect(warnings).toHaveLength(1);
      expect(warnings[0]).toMatch(/^TRUST_PROXY=1 \(a hop count\) is only allowed .* X-Forwarded-For is ignored\.$/);
    } finally {
      local.close();
      open.close();
      delete process.env.TRUST_PROXY;
    }
  });
});
