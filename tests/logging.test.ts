import { readFileSync } from "node:fs";
import { describe, expect, inject, it } from "vitest";
import { newUser, postRegister } from "./support/helpers";
import { waitFor } from "./support/wait";

const linesFor = (requestId: string) =>
  readFileSync(inject("serverLog"), "utf8")
    .split("\n")
    .filter((l) => l.includes(requestId));

const eventually = <T>(fn: () => T | undefined): Promise<T> => waitFor("the log line", fn);

describe("structured logs", () => {
  it("logs registration.succeeded with user id and role, as JSON, without secrets", async () => {
    const user = newUser({ role: "guide", password: "Unmistakable-Secret-991" });
    const requestId = `log-ok-${user.username}`;
    expect((await postRegister(user, { headers: { "x-request-id": requestId } })).status).toBe(201);
    const line = await eventually(() => linesFor(requestId).find((l) => l.includes("registration.succeeded")));
    const entry = JSON.parse(line);
    expect(entry).toMatchObject({ event: "registration.succeeded", role: "guide", level: "info", requestId });
    expect(typeof entry.userId).toBe("number");
    const all = linesFor(requestId).join("\n");
    expect(all).not.toContain("Unmistakable-Secret-991");
    expect(all).not.toContain(user.email);
  });

  it("logs registration.rejected with a reason and a masked email only", async () => {
    const user = newUser({ password: "Unmistakable-Secret-992" });
    await postRegister(user);
    const requestId = `log-dup-${user.username}`;
    await postRegister({ ...user, username: `${user.username}x` }, { headers: { "x-request-id": requestId } });
    const line = await eventually(() => linesFor(requestId).find((l) => l.includes("registration.rejected")));
    const entry = JSON.parse(line);
    expect(entry).toMatchObject({ reason: "email_taken", emailMasked: `${user.email[0]}***@example.com` });
    expect(line).not.toContain(user.email);
    expect(line).not.toContain("Unmistakable-Secret-992");
  });

  it("logs invalid input as registration.rejected reason=invalid", async () => {
    const requestId = "log-invalid-1";
    await postRegister(newUser({ email: "nope" }), { headers: { "x-request-id": requestId } });
    const line = await eventually(() => linesFor(requestId).find((l) => l.includes("registration.rejected")));
    expect(JSON.parse(line).reason).toBe("invalid");
  });

  it("never writes a password or a full email anywhere in the server log", async () => {
    const log = readFileSync(inject("serverLog"), "utf8");
    expect(log).not.toMatch(/SecurePass123!|Unmistakable-Secret/);
    expect(log).not.toMatch(/[\w.+-]+[a-z0-9]@example\.com/i);
  });
});
