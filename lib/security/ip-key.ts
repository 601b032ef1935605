import { createHash } from "node:crypto";
import net from "node:net";

// The part of a rate-limit key that names the client's address. One IPv4 address is one
// client; an IPv6 client is its /64, because anyone with IPv6 service gets a whole /64
// (2^64 source addresses) and could otherwise reset every counter by rotating through it.

/**
 * "203.0.113.7" → "203.0.113.7"; "2001:db8:1:2::9" → "2001:db8:1:2::/64";
 * "::ffff:203.0.113.7" → "203.0.113.7". Anything that is not an address (until the
 * app's own server sets the client-IP header its value is whatever arrived) is hashed
 * into a bounded, safe key.
 */
export function ipKey(ip: string): string {
  const address = ip.trim();
  if (net.isIPv4(address)) return address;
  const groups = net.isIPv6(address) ? ipv6Groups(address) : null;
  if (groups) {
    // IPv4-mapped (::ffff:a.b.c.d in any spelling): the IPv4 client it stands for.
    if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
      return [groups[6] >> 8, groups[6] & 0xff, groups[7] >> 8, groups[7] & 0xff].join(".");
    }
    return `${groups.slice(0, 4).map((g) => g.toString(16)).join(":")}::/64`;
  }
  return `h${createHash("sha256").update(ip).digest("hex").slice(0, 32)}`;
}

/** The 8 16-bit groups of a valid IPv6 address (zone index dropped, `::` and a trailing IPv4 expanded). */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const b = v4.slice(1).map(Number);
    text = `${text.slice(0, v4.index)}${((b[0] << 8) | b[1]).toString(16)}:${((b[2] << 8) | b[3]).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const parse = (part: string | undefined) => (part ? part.split(":").map((g) => parseInt(g, 16)) : []);
  const left = parse(head);
  const right = parse(tail);
  const groups = tail === undefined ? left : [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}
