import { describe, expect, inject, it } from "vitest";
import { newUser, postRegister } from "./support/helpers";
import { logEntries, waitFor } from "./support/wait";

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
