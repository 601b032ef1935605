import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createDb } from "../../lib/db/client";
import { LocalMediaStorage } from "../../lib/media/local-storage";
import type { MediaStorage } from "../../lib/media/storage";
import { patchOwnProfile } from "../../lib/users/patch-profile";
import { apiSignedIn } from "../support/auth";
import { baseUrl, http, refusal, testDb } from "../support/helpers";
import { IMAGES, form, pngHeader, sendForm } from "../support/images";
import { testMediaDir } from "../support/media";
import { storm } from "../support/storm";
import { testContext } from "../support/context";

// Issue 22 point 2: image uploads on PUT/PATCH /api/users/profile/ (multipart, ≤ 5 MB,
// checked by content and pixel size, stored through lib/media/storage.ts) and the rest of
// the whole profile's fields.

const db = () => testDb();
const PROFILE = "/api/users/profile/";
const mediaDir = () => testMediaDir(inject("databaseUrl"));
const filesOf = (userId: number) => {
  const dir = path.join(mediaDir(), `user_${userId}`);
  return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => d.name) : [];
};

describe("image uploads", () => {
  it.each(Object.entries(IMAGES))("a %s is stored and served with its type, whatever its file name says", async (kind, bytes) => {
    const user = await apiSignedIn();
    const res = await sendForm(baseUrl(), PROFILE, user.token, form({ profile_image: { bytes, name: "photo.txt", type: "text/plain" } }), "PATCH");
    expect(res.status).toBe(200);
    const url = res.json!.profile_image_url as string;
    expect(url.endsWith(`.${kind}`)).toBe(true);
    expect(res.json!.profile_image).toBe(url);
    const served = await fetch(url);
    expect(served.headers.get("content-type")).toBe({ jpg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp" }[kind]);
    expect(served.headers.get("x-content-type-options")).toBe("nosniff");
  });

  it("replacing an image removes the old file; the four images go up in one request", async () => {
    const user = await apiSignedIn();
    const first = await sendForm(baseUrl(), PROFILE, user.token, form({ profile_image: { bytes: IMAGES.png, name: "a.png" } }));
    const oldUrl = first.json!.profile_image_url as string;
    const all = await sendForm(
      baseUrl(),
      PROFILE,
      user.token,
      form({
        profile_image: { bytes: IMAGES.gif, name: "b.gif" },
        showcase_image_1: { bytes: IMAGES.jpg, name: "1.jpg" },
        showcase_image_2: { bytes: IMAGES.png, name: "2.png" },
        showcase_image_3: { bytes: IMAGES.webp, name: "3.webp" },
        showcase_image_3_caption: "Third",
        showcase_image_3_tags: "4",
        email_notifications: "false",
      }),
    );
    expect(all.status).toBe(200);
    expect(all.json).toMatchObject({ showcase_image_3_caption: "Third", showcase_image_3_tags: [4], email_notifications: false });
    expect((await fetch(oldUrl)).status).toBe(404);
    expect(filesOf(user.id)).toHaveLength(4);
  });

  it("four images of almost 5 MB each in one request (more than Next's default 10 MB through the proxy)", async () => {
    const user = await apiSignedIn();
    const big = () => ({ bytes: Buffer.concat([IMAGES.png, Buffer.alloc(5 * 1024 * 1024 - 4096)]), name: "big.png" });
    const res = await sendForm(baseUrl(), PROFILE, user.token, form({ profile_image: big(), showcase_image_1: big(), showcase_image_2: big(), showcase_image_3: big() }));
    expect(res.status).toBe(200);
    const served = await fetch(res.json!.showcase_image_3_url as string);
    expect((await served.arrayBuffer()).byteLength).toBe(IMAGES.png.byteLength + 5 * 1024 * 1024 - 4096);
  });

  it("deleting the account removes its images", async () => {
    const user = await apiSignedIn();
    await sendForm(baseUrl(), PROFILE, user.token, form({ profile_image: { bytes: IMAGES.png, name: "a.png" }, showcase_image_1: { bytes: IMAGES.gif, name: "b.gif" } }));
    expect(filesOf(user.id)).toHaveLength(2);
    expect((await http(PROFILE, { method: "DELETE", key: user.token })).status).toBe(200);
    expect(filesOf(user.id)).toEqual([]);
  });

  it("20 replacements of one image at once from 5 processes: all 200, one file left, the one the row names", async () => {
    const user = await apiSignedIn();
    const kinds = Object.entries(IMAGES);
    const requests = Array.from({ length: 20 }, (_, i) => {
      const [kind, bytes] = kinds[i % kinds.length];
      return {
        path: PROFILE,
        method: i % 2 ? "PUT" : "PATCH",
        body: undefined,
        multipart: { profile_image: { base64: bytes.toString("base64"), name: `p.${kind}`, type: "application/octet-stream" } },
        headers: { authorization: `Token ${user.token}` },
      };
    });
    const { results } = await storm(baseUrl(), requests, 5);
    expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
    const files = filesOf(user.id);
    expect(files).toHaveLength(1);
    const row = await db().profile.findUniqueOrThrow({ where: { userId: user.id } });
    expect(row.profileImage!.endsWith(files[0])).toBe(true);
  });

  it.each([
    ["a text file named .png", () => Buffer.from("hello, not an image"), "profile_image must be a JPEG, PNG, GIF or WebP image."],
    ["an empty file", () => Buffer.alloc(0), "profile_image must be a JPEG, PNG, GIF or WebP image."],
    ["a PNG signature on garbage", () => Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), Buffer.from("nonsense")]), "profile_image could not be read as an image."],
    ["an image over 6000 pixels wide", () => pngHeader(6001, 10), "profile_image must be at most 6000 by 6000 pixels."],
    ["an image of 50,000 × 50,000 pixels", () => pngHeader(50_000, 50_000), "profile_image must be at most 6000 by 6000 pixels."],
    ["a file over 5 MB", () => Buffer.concat([IMAGES.png, Buffer.alloc(5 * 1024 * 1024)]), "profile_image must be at most 5 MB."],
  ])("400 with one sentence for %s; nothing stored or changed", async (_name, bytes, detail) => {
    const user = await apiSignedIn();
    const res = await sendForm(baseUrl(), PROFILE, user.token, form({ profile_image: { bytes: bytes(), name: "me.png" }, display_name: "Changed" }));
    expect(res.status).toBe(400);
    expect(res.json!.detail).toBe(detail);
    expect(filesOf(user.id)).toEqual([]);
    expect((await db().profile.findUniqueOrThrow({ where: { userId: user.id } })).displayName).toBeNull();
  });

  it("one bad image of several: none is stored", async () => {
    const user = await apiSignedIn();
    const res = await sendForm(
      baseUrl(),
      PROFILE,
      user.token,
      form({ profile_image: { bytes: IMAGES.png, name: "ok.png" }, showcase_image_1: { bytes: Buffer.from("GIF89a not really"), name: "x.gif" } }),
    );
    expect(res.status).toBe(400);
    expect(res.json!.detail).toMatch(/^showcase_image_1 /);
    expect(filesOf(user.id)).toEqual([]);
  });

  it("a JSON string where a file belongs: 400; JSON null removes", async () => {
    const user = await apiSignedIn();
    const res = await http(PROFILE, { method: "PATCH", key: user.token, body: { profile_image: "https://evil.example/x.png" } });
    expect(res.status).toBe(400);
    expect(res.json!.detail).toBe("profile_image must be an uploaded image file (multipart/form-data), or empty to remove it.");
    await sendForm(baseUrl(), PROFILE, user.token, form({ profile_image: { bytes: IMAGES.png, name: "a.png" } }));
    const removed = await http(PROFILE, { method: "PATCH", key: user.token, body: { profile_image: null } });
    expect(removed.json!.profile_image_url).toBeNull();
    expect(filesOf(user.id)).toEqual([]);
  });

  it("JSON keeps its 64 KiB limit; a multipart body over the upload limit is 413", async () => {
    const user = await apiSignedIn();
    const big = await http(PROFILE, { method: "PATCH", key: user.token, body: { bio: "x".repeat(70 * 1024) } });
    expect(big.status).toBe(413);
    const huge = await sendForm(baseUrl(), PROFILE, user.token, form({ bio: "x".repeat(21 * 1024 * 1024) }));
    expect(huge.status).toBe(413);
    expect(typeof huge.json!.detail).toBe("string");
  });

  it("the media route serves only files inside the media folder", async () => {
    for (const p of ["/media/..%2f..%2fetc%2fpasswd", "/media/%2e%2e/package.json", "/media/user_1/none.png", "/media/x.txt"]) {
      expect((await fetch(`${baseUrl()}${p}`)).status, p).toBe(404);
    }
  });
});

describe("a failure half-way leaves nothing half-made", () => {
  function recordingStorage(root: string): MediaStorage & { puts: string[]; deletes: string[] } {
    const local = new LocalMediaStorage(root, "http://media.test/");
    const puts: string[] = [];
    const deletes: string[] = [];
    return {
      puts,
      deletes,
      put: async (k, b, t) => {
        puts.push(k);
        await local.put(k, b, t);
      },
      delete: async (k) => {
        deletes.push(k);
        await local.delete(k);
      },
      url: (k) => local.url(k),
    };
  }

  it("the row cannot change (the account is gone): the stored file is removed again", async () => {
    const root = path.join(mediaDir(), "half-made-a");
    const storage = recordingStorage(root);
    const err = await refusal(
      patchOwnProfile({ profile_image: new Blob([IMAGES.png]) }, { ...testContext({ db: db(), actor: { id: 2_000_000_000, isStaff: false } }), storage }),
    );
    expect(err.status).toBe(404);
    expect(storage.puts).toHaveLength(1);
    expect(storage.deletes).toEqual(storage.puts);
    expect(existsSync(path.join(root, storage.puts[0]))).toBe(false);
  });

  it("the database is unreachable: the stored file is removed again", async () => {
    const root = path.join(mediaDir(), "half-made-b");
    const storage = recordingStorage(root);
    const dead = createDb("postgresql://nobody:x@127.0.0.1:1/none?connect_timeout=2");
    try {
      await expect(
        patchOwnProfile({ showcase_image_1: new Blob([IMAGES.gif]), display_name: "X" }, { ...testContext({ db: dead, actor: { id: 1, isStaff: false } }), storage }),
      ).rejects.toThrow();
    } finally {
      await dead.$disconnect();
    }
    expect(storage.puts).toHaveLength(1);
    expect(storage.deletes).toEqual(storage.puts);
  });
});

describe("the rest of the profile's fields", () => {
  it.each(["growth_score", "impact_score", "overall_ability_score", "ability_rank", "user_id", "profile_image_url"])("400 naming %s, which is read-only", async (field) => {
    const user = await apiSignedIn();
    const res = await http(PROFILE, { method: "PATCH", key: user.token, body: { [field]: 5, bio: "x" } });
    expect(res).toMatchObject({ status: 400, json: { detail: `${field} is read-only.` } });
  });

  it.each([
    ["a javascript: link", { website_url: "javascript:alert(1)" }, "website_url must be a web address starting with http:// or https://."],
    ["a too long tagline", { teacher_tagline: "a".repeat(151) }, "teacher_tagline must be at most 150 characters."],
    ["tags that are not ids", { showcase_image_2_tags: ["x"] }, "showcase_image_2_tags must be a list of ids."],
    ["a flag that is not one", { email_notifications: "maybe" }, "email_notifications must be true or false."],
    ["an unknown locale", { locale: "de" }, "locale must be en or ja."],
  ])("400 for %s", async (_name, body, detail) => {
    const user = await apiSignedIn();
    expect(await http(PROFILE, { method: "PATCH", key: user.token, body })).toMatchObject({ status: 400, json: { detail } });
  });

  it("scores, imported, are answered but never written by the owner", async () => {
    const user = await apiSignedIn();
    await db().profile.update({ where: { userId: user.id }, data: { growthScore: 420, impactScore: 1337 } });
    const res = await http(PROFILE, { key: user.token });
    expect(res.json).toMatchObject({ growth_score: 420, impact_score: 1337 });
  });

  it("the database refuses what the schema would let through by another path", async () => {
    const user = await apiSignedIn();
    await expect(db().profile.update({ where: { userId: user.id }, data: { locale: "fr" } })).rejects.toThrow();
    await expect(db().profile.update({ where: { userId: user.id }, data: { growthScore: -1 } })).rejects.toThrow();
  });
});
