import { Writable } from "node:stream";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";

// The contract's last row: an unexpected fault answers the generic sentence, never a
// stack trace, and is logged with the request id. Faults cannot be provoked through
// a healthy server, so this drives the real route handler with a database that fails.

const lines: string[] = [];
vi.mock("@/lib/log/logger", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/lib/log/logger")>();
  const sink = new Writable({
    write(chunk, _enc, cb) {
      lines.push(String(chunk));
      cb();
    },
  });
  return { ...original, logger: pino({ level: "info" }, sink) };
});

afterEach(() => {
  delete (globalThis as { __db?: unknown }).__db;
  lines.length = 0;
});

describe("registration route on an unexpected fault", () => {
  it("answers 500 with the generic message and logs registration.failed with the request id", async () => {
    // Every way into the database fails (the rate limiter's raw SQL included).
    const fail = async () => {
      throw new Error("disk on fire at /var/lib/postgresql");
    };
    (globalThis as { __db?: unknown }).__db = { $queryRaw: fail, $queryRawUnsafe: fail, $executeRaw: fail, $executeRawUnsafe: fail };
    const { POST } = await import("@/app/api/users/register/route");
    const req = new Request("http://test/api/users/register/", {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "fault-test-1" },
      body: JSON.stringify({ username: "faulty", email: "faulty@example.com", password: "SecurePass123!" }),
    });
    const res = await POST(req, { params: Promise.resolve({}) });
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('{"error":"An unexpected error occurred during registration."}');
    expect(res.headers.get("x-request-id")).toBe("fault-test-1");
    const logged = lines.map((l) => JSON.parse(l)).find((l) => l.event === "registration.failed");
    expect(logged).toMatchObject({ level: 50, requestId: "fault-test-1" });
    expect(logged.err.message).toContain("disk on fire");
    expect(lines.join("")).not.toContain("SecurePass123!");
    expect(lines.join("")).not.toContain("faulty@example.com");
  });
});
