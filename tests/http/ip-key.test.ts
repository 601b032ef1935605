import { describe, expect, it } from "vitest";
import { ipKey } from "../../lib/security/ip-key";

// The address part of every rate-limit key: one IPv4 address, or one IPv6 /64 (the
// smallest block an IPv6 customer gets), so rotating through a /64 resets nothing.
describe("ipKey", () => {
  it("keeps an IPv4 address as it is", () => {
    expect(ipKey("203.0.113.7")).toBe("203.0.113.7");
  });

  it("keys every IPv6 address of one /64 alike, whatever its spelling", () => {
    const expected = "2001:db8:1:2::/64";
    for (const spelling of [
      "2001:db8:1:2::1",
      "2001:db8:1:2::ffff",
      "2001:0db8:0001:0002:0000:0000:0000:0001",
      "2001:DB8:1:2:aaaa:bbbb:cccc:dddd",
      "2001:db8:1:2:0:0:0:0",
      "2001:db8:1:2::5%eth0",
      "2001:db8:1:2::1.2.3.4",
    ]) {
      expect(ipKey(spelling), spelling).toBe(expected);
    }
  });

  it("keeps different /64s apart", () => {
    expect(ipKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(ipKey("::1")).toBe("0:0:0:0::/64");
    expect(ipKey("2001:db8::")).toBe("2001:db8:0:0::/64");
  });

  it("treats an IPv4-mapped IPv6 address as the IPv4 client it stands for", () => {
    expect(ipKey("::ffff:198.51.100.9")).toBe("198.51.100.9");
    expect(ipKey("::FFFF:c633:6409")).toBe("198.51.100.9");
    expect(ipKey("0:0:0:0:0:ffff:198.51.100.9")).toBe("198.51.100.9");
  });

  it("hashes anything that is not an address into a bounded, safe key", () => {
    for (const junk of ["unknown", "<script>", "1.2.3.4, 5.6.7.8", "2001:db8::1::2", "x".repeat(10_000), "", "1.2.3.999"]) {
      expect(ipKey(junk), junk.slice(0, 20)).toMatch(/^h[0-9a-f]{32}$/);
    }
    expect(ipKey("unknown")).toBe(ipKey("unknown"));
    expect(ipKey("unknown")).not.toBe(ipKey("unknown2"));
  });
});
