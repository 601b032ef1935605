import { describe, expect, it } from "vitest";
import { parseTrustProxy, resolveClientIp, TrustProxyError } from "../lib/http/trust-proxy";

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
