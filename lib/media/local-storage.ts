import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { publicBaseUrl } from "../config/public-base-url";
import { encodeKey, isSafeMediaKey } from "./key";
import type { MediaStorage } from "./storage";

export const DEFAULT_MEDIA_ROOT = ".data/media";
export const DEFAULT_MEDIA_URL = "/media/";

/**
 * A folder on disk (MEDIA_ROOT, default .data/media), served under MEDIA_URL (default
 * /media/): by app/media/[...path]/route.ts in development, by nginx in production.
 */
export class LocalMediaStorage implements MediaStorage {
  constructor(
    readonly root: string,
    /** Absolute URL prefix ending in "/". */
    readonly baseUrl: string,
  ) {}

  static fromEnv(env: Record<string, string | undefined>): LocalMediaStorage {
    const root = path.resolve(env.MEDIA_ROOT?.trim() || DEFAULT_MEDIA_ROOT);
    return new LocalMediaStorage(root, mediaBaseUrl(env));
  }

  resolve(key: string): string {
    if (!isSafeMediaKey(key)) throw new Error("unsafe media key");
    return path.join(this.root, ...key.split("/"));
  }

  async put(key: string, bytes: Uint8Array, _contentType?: string): Promise<void> {
    const file = this.resolve(key);
    await mkdir(path.dirname(file), { recursive: true });
    // Written beside, then renamed: a reader never sees half a file.
    const partial = `${file}.${randomUUID()}.partial`;
    await writeFile(partial, bytes);
    await rename(partial, file);
  }

  async delete(key: string): Promise<void> {
    if (!isSafeMediaKey(key)) return;
    await rm(this.resolve(key), { force: true });
  }

  url(key: string): string {
    return `${this.baseUrl}${encodeKey(key)}`;
  }
}

/** MEDIA_URL made absolute with PUBLIC_BASE_URL when it is a path; always ends in "/". */
export function mediaBaseUrl(env: Record<string, string | undefined>): string {
  const raw = env.MEDIA_URL?.trim() || DEFAULT_MEDIA_URL;
  const withSlash = raw.endsWith("/") ? raw : `${raw}/`;
  if (/^https?:\/\//i.test(withSlash)) return withSlash;
  return `${publicBaseUrl(env)}${withSlash.startsWith("/") ? "" : "/"}${withSlash}`;
}
