import type { S3Client } from "@aws-sdk/client-s3";
import { encodeKey } from "./key";
import type { MediaStorage } from "./storage";

export interface S3Config {
  bucket: string;
  region: string;
  /** An S3-compatible service (MinIO, R2, …); unset = AWS itself. */
  endpoint?: string;
  /** Path-style addressing (endpoint/bucket/key), which most S3-compatible services need. */
  forcePathStyle: boolean;
  /** Where browsers load objects from (a CDN or the bucket's public URL), ending in "/". */
  publicUrl: string;
  /** Prefix inside the bucket, "" or ending in "/". */
  prefix: string;
  accessKeyId?: string;
  secretAccessKey?: string;
}

function required(env: Record<string, string | undefined>, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`MEDIA_STORAGE=s3 needs ${name}.`);
  return value;
}

export function s3ConfigFromEnv(env: Record<string, string | undefined>): S3Config {
  const bucket = required(env, "S3_BUCKET");
  const region = env.S3_REGION?.trim() || "us-east-1";
  const endpoint = env.S3_ENDPOINT?.trim() || undefined;
  const forcePathStyle = env.S3_FORCE_PATH_STYLE === "true" || (endpoint !== undefined && env.S3_FORCE_PATH_STYLE !== "false");
  const defaultPublic = endpoint
    ? `${endpoint.replace(/\/+$/, "")}/${bucket}/`
    : `https://${bucket}.s3.${region}.amazonaws.com/`;
  const publicUrl = (env.S3_PUBLIC_URL?.trim() || defaultPublic).replace(/\/*$/, "/");
  const rawPrefix = env.S3_PREFIX?.trim().replace(/^\/+|\/+$/g, "") ?? "";
  return {
    bucket,
    region,
    endpoint,
    forcePathStyle,
    publicUrl,
    prefix: rawPrefix ? `${rawPrefix}/` : "",
    // Unset: the SDK's own chain (environment, shared files, instance role).
    accessKeyId: env.S3_ACCESS_KEY_ID?.trim() || undefined,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY?.trim() || undefined,
  };
}

// The AWS SDK is tens of megabytes of modules: loaded on the first upload or delete, not
// by every worker that only builds image URLs (issue 24: memory per worker).
const loadSdk = () => import("@aws-sdk/client-s3");

/** Objects in an S3-compatible bucket, through the AWS SDK (which signs every request). */
export class S3MediaStorage implements MediaStorage {
  private client: Promise<S3Client> | undefined;
  private destroyed = false;

  constructor(readonly config: S3Config) {}

  private sdkClient(): Promise<S3Client> {
    const config = this.config;
    this.client ??= loadSdk().then(
      ({ S3Client }) =>
        new S3Client({
          region: config.region,
          endpoint: config.endpoint,
          forcePathStyle: config.forcePathStyle,
          credentials:
            config.accessKeyId && config.secretAccessKey
              ? { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey }
              : undefined,
        }),
    );
    return this.client;
  }

  async put(key: string, bytes: Uint8Array, contentType: string): Promise<void> {
    const [client, { PutObjectCommand }] = await Promise.all([this.sdkClient(), loadSdk()]);
    await client.send(
      new PutObjectCommand({
        Bucket: this.config.bucket,
        Key: this.config.prefix + key,
        Body: bytes,
        ContentType: contentType,
        // Keys are never reused (a new upload gets a new key), so the object never changes.
        CacheControl: "public, max-age=31536000, immutable",
      }),
    );
  }

  async delete(key: string): Promise<void> {
    const [client, { DeleteObjectCommand }] = await Promise.all([this.sdkClient(), loadSdk()]);
    await client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: this.config.prefix + key }));
  }

  url(key: string): string {
    return `${this.config.publicUrl}${encodeKey(this.config.prefix + key)}`;
  }

  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    void this.client?.then((c) => c.destroy());
  }
}
