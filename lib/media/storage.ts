import { LocalMediaStorage } from "./local-storage";
import { S3MediaStorage, s3ConfigFromEnv } from "./s3-storage";

/**
 * Where uploaded images live. Every reader and writer of media goes through this one
 * interface, so the local folder (default) and S3-compatible object storage are
 * interchangeable by configuration alone. Keys are relative paths such as
 * "user_12/profile_image/<uuid>.png", the same shape as Django's paths under MEDIA_ROOT,
 * so imported rows keep their files.
 */
export interface MediaStorage {
  put(key: string, bytes: Uint8Array, contentType: string): Promise<void>;
  /** Removing a key that is not there is not an error. */
  delete(key: string): Promise<void>;
  /** The absolute URL a browser loads the key from. */
  url(key: string): string;
}

let cached: MediaStorage | undefined;

/** MEDIA_STORAGE=s3 selects object storage (S3_* variables); anything else the local folder. */
export function mediaStorage(env: Record<string, string | undefined> = process.env): MediaStorage {
  if (env === process.env && cached) return cached;
  const storage = env.MEDIA_STORAGE === "s3" ? new S3MediaStorage(s3ConfigFromEnv(env)) : LocalMediaStorage.fromEnv(env);
  if (env === process.env) cached = storage;
  return storage;
}

export { encodeKey, isSafeMediaKey } from "./key";
