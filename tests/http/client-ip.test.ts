import { spawn } from "node:child_process";
import { once } from "node:events";
import { closeSync, mkdtempSync, openSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { freePort } from "../../lib/db/embedded";
import { newUser, postRegister } from "../support/helpers";
import { TEST_SERVER_ENV } from "../support/stack";
import { logEntries, waitFor } from "../support/wait";

// The server decides the client address (lib/http/client-ip.ts) and every route's log
// lines carry it. This stack runs without TRUST_PROXY: X-Forwarded-For is the client's
// own claim and is ignored. (TRUST_PROXY=1 is covered in cluster.test.ts.)
describe("the client address without a trusted proxy", () => {
  it("is the socket's address, whatever X-Forwarded-For or X-Client-IP the client sends", async () => {
    const user = newUser();
    const requestId = `ip-${user.username}`;
    const res = await postRegister(user, {
      headers: { "x-request-id": requestId, "x-forwarded-for": "198.51.100.77", "x-client-ip": "6.6.6.6" },
    });
    expect(res.status).toBe(201);
    const line = await waitFor("the registration log line", () =>
      logEntries(inject("serverLog")).find((l) => l.requestId === requestId && l.event === "registration.succeeded"),
    );
    expect(line.clientIp).toBe("127.0.0.1");
  });
});

// Under `next start` (not the app's own server), instrumentation.ts stamps every request
// by the same rule (review L4): a hop count is believed only on a server bound to
// loopback. Here it listens on every interface with TRUST_PROXY=1: the forged headers
// are ignored, and the log says why once.
describe("the client address under next start", () => {
  it("is the socket's address on a server bound to 0.0.0.0 with TRUST_PROXY=1, whatever X-Forwarded-For or X-Client-IP say", { timeout: 180_000 }, async () => {
    const port = await freePort();
    const dir = mkdtempSync(path.join(os.tmpdir(), "next-start-"));
    const logFile = path.join(dir, "out.log");
    const out = openSync(logFile, "w");
    const child = spawn(process.execPath, [path.resolve("node_modules/next/dist/bin/next"), "start", "-p", String(port), "-H", "0.0.0.0"], {
      stdio: ["ignore", out, out],
      env: { ...process.env, ...TEST_SERVER_ENV, DATABASE_URL: inject("databaseUrl"), NODE_ENV: "production", TRUST_PROXY: "1", LOG_FORMAT: "json", NEXT_TELEMETRY_DISABLED: "1" },
    });
    closeSync(out);
    try {
      const base = `http://127.0.0.1:${port}`;
      await waitFor("next start to answer", async () => (await fetch(`${base}/api/health/live`).catch(() => null))?.ok, 120_000);
      const user = newUser();
      const requestId = `nextstart-${user.username}`;
      const res = await fetch(`${base}/api/users/register/`, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": requestId, "x-forwarded-for": "198.51.100.77", "x-client-ip": "6.6.6.6" },
        body: JSON.stringify(user),
      });
      expect(res.status).toBe(201);
      const line = await waitFor("the registration log line", () => logEntries(logFile).find((l) => l.requestId === requestId && l.event === "registration.succeeded"));
      expect(line.clientIp).toBe("127.0.0.1");
      expect(logEntries(logFile).filter((l) => l.event === "client_ip.forwarded_ignored")).toHaveLength(1);
    } finally {
      child.kill("SIGTERM");
      await once(child, "exit");
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
