import { readFileSync } from "node:fs";
import pino from "pino";
import { describe, expect, inject, it } from "vitest";
import { logger } from "../../lib/log/logger";
import { newUser, postRegister, testDb } from "../support/helpers";
import { waitFor } from "../support/wait";

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

describe("database errors in fault logs", () => {
  const HASH = "$argon2id$v=19$m=19456,t=2,p=1$Q2FudFNlZU1l$Unmistakable-Hash-Value-7731";

  /** What the app's own logger writes for `fields`, captured (the real logger, its real serializers). */
  function logged(fields: Record<string, unknown>): string {
    const stream = pino.symbols.streamSym as unknown as keyof typeof logger;
    const original = logger[stream];
    const lines: string[] = [];
    (logger as unknown as Record<PropertyKey, unknown>)[stream] = { write: (l: string) => lines.push(l) };
    try {
      logger.child({ requestId: "db-error-log" }).error(fields, "unexpected fault");
    } finally {
      (logger as unknown as Record<PropertyKey, unknown>)[stream] = original;
    }
    return lines.join("");
  }

  async function validationError(): Promise<Error> {
    const err = await testDb()
      .user.create({ data: { username: 12345 as unknown as string, email: "hash-leak@example.com", passwordHash: HASH } })
      .catch((e: Error) => e);
    if (!(err instanceof Error)) throw new Error("expected Prisma to refuse the call");
    // Prisma quotes the call's arguments in its message: this is what must not be logged.
    expect(err.message).toContain(HASH);
    return err;
  }

  it("a Prisma validation error is logged as a description, without the arguments it quotes", async () => {
    const err = await validationError();
    const line = logged({ event: "registration.failed", err });
    const entry = JSON.parse(line);
    expect(entry.event).toBe("registration.failed");
    expect(entry.err).toMatchObject({ type: "PrismaClientValidationError" });
    expect(entry.err.message).toMatch(/username/i);
    expect(entry.err.stack).toMatch(/^\s+at /); // frames kept for debugging
    expect(line).not.toContain("Unmistakable-Hash-Value");
    expect(line).not.toContain("hash-leak@example.com");
  });

  it("also when it is the cause of another error", async () => {
    const err = new Error("registration failed", { cause: await validationError() });
    const line = logged({ event: "login.error", err });
    expect(JSON.parse(line).err).toMatchObject({ message: "registration failed", cause: { type: "PrismaClientValidationError" } });
    expect(line).not.toContain("Unmistakable-Hash-Value");
  });

  it("other errors keep their message and stack", () => {
    const entry = JSON.parse(logged({ event: "guide_application.error", err: new TypeError("x is not a function") }));
    expect(entry.err).toMatchObject({ type: "TypeError", message: "x is not a function" });
    expect(entry.err.stack).toContain("TypeError: x is not a function");
  });
});
