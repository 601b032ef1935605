import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, existsSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalMediaStorage, mediaBaseUrl } from "../../lib/media/local-storage";
import { S3MediaStorage, s3ConfigFromEnv } from "../../lib/media/s3-storage";
import { isSafeMediaKey, mediaStorage } from "../../lib/media/storage";
import { IMAGES } from "../support/images";

// lib/media/storage.ts's two implementations. The S3 one runs the real AWS SDK against a
// tiny in-process S3 stand-in that records what arrives: paths, headers, bodies, and that
// each request is SigV4-signed with the configured key for this region and service. It
// does not recompute the signature (the SDK computes it; real S3 checks it), so a wrong
// secret would pass here: what is proven is the wiring, not AWS's acceptance.

interface Received {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: Buffer;
}

let received: Received[] = [];
const objects = new Map<string, Buffer>();
let server: ReturnType<typeof createServer>;
let endpoint: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      received.push({ method: req.method!, url: req.url!, headers: req.headers, body });
      const key = decodeURIComponent(new URL(req.url!, "http://x").pathname);
      if (req.method === "PUT") {
        objects.set(key, body);
        res.writeHead(200, { etag: '"x"' }).end();
      } else if (req.method === "DELETE") {
        objects.delete(key);
        res.writeHead(204).end();
      } else res.writeHead(405).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

const env = () => ({
  MEDIA_STORAGE: "s3",
  S3_BUCKET: "zporta-media",
  S3_REGION: "ap-northeast-1",
  S3_ENDPOINT: endpoint,
  S3_ACCESS_KEY_ID: "AKIDTESTKEY",
  S3_SECRET_ACCESS_KEY: "test-secret",
  S3_PREFIX: "/media/",
  S3_PUBLIC_URL: "https://cdn.example.com/",
});

describe("S3MediaStorage (AWS SDK against an in-process S3 stand-in)", () => {
  it("put: a signed PUT of the bytes at bucket/prefix/key, with the type; url: the public address", async () => {
    received = [];
    const storage = mediaStorage(env()) as S3MediaStorage;
    expect(storage).toBeInstanceOf(S3MediaStorage);
    await storage.put("user_7/profile_image/a b.png", IMAGES.png, "image/png");
    expect(received).toHaveLength(1);
    const [put] = received;
    expect(put.method).toBe("PUT");
    expect(decodeURIComponent(new URL(put.url, "http://x").pathname)).toBe("/zporta-media/media/user_7/profile_image/a b.png");
    expect(put.headers["content-type"]).toBe("image/png");
    expect(put.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=AKIDTESTKEY\/\d{8}\/ap-northeast-1\/s3\/aws4_request, SignedHeaders=[^,]*host[^,]*, Signature=[0-9a-f]{64}$/);
    expect(put.headers["x-amz-date"]).toMatch(/^\d{8}T\d{6}Z$/);
    expect(objects.get("/zporta-media/media/user_7/profile_image/a b.png")?.equals(IMAGES.png)).toBe(true);
    expect(storage.url("user_7/profile_image/a b.png")).toBe("https://cdn.example.com/media/user_7/profile_image/a%20b.png");
    storage.destroy();
  });

  it("delete: a signed DELETE of the same object", async () => {
    received = [];
    const storage = new S3MediaStorage(s3ConfigFromEnv(env()));
    await storage.put("k/x.gif", IMAGES.gif, "image/gif");
    await storage.delete("k/x.gif");
    expect(received.map((r) => r.method)).toEqual(["PUT", "DELETE"]);
    expect(received[1].headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(objects.has("/zporta-media/media/k/x.gif")).toBe(false);
    storage.destroy();
  });

  it("refuses to start without a bucket, in one sentence", () => {
    expect(() => s3ConfigFromEnv({ MEDIA_STORAGE: "s3" })).toThrow("MEDIA_STORAGE=s3 needs S3_BUCKET.");
  });
});

describe("LocalMediaStorage", () => {
  it("writes under MEDIA_ROOT, answers absolute URLs under MEDIA_URL, deletes idempotently", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "media-"));
    try {
      const storage = LocalMediaStorage.fromEnv({ MEDIA_ROOT: root, PUBLIC_BASE_URL: "https://zportaacademy.com/" });
      await storage.put("user_1/showcase/x.png", IMAGES.png, "image/png");
      expect(readFileSync(path.join(root, "user_1/showcase/x.png")).equals(IMAGES.png)).toBe(true);
      expect(storage.url("user_1/showcase/x.png")).toBe("https://zportaacademy.com/media/user_1/showcase/x.png");
      await storage.delete("user_1/showcase/x.png");
      await storage.delete("user_1/showcase/x.png");
      expect(existsSync(path.join(root, "user_1/showcase/x.png"))).toBe(false);
      expect(() => storage.resolve("../etc/passwd")).toThrow();
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it("MEDIA_URL may be absolute (a separate media host)", () => {
    expect(mediaBaseUrl({ MEDIA_URL: "https://media.example.com/m" })).toBe("https://media.example.com/m/");
  });

  it.each(["", "/abs", "a/../b", "a//b", "a\\b", "./a", "a\0b"])("%j is not a safe key", (key) => {
    expect(isSafeMediaKey(key)).toBe(false);
  });
});
