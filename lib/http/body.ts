import { DomainError } from "../errors";

export const BODY_LIMIT_BYTES = 64 * 1024;

/**
 * Reads a JSON or form-encoded body as a plain value, refusing oversized bodies
 * before buffering them and other media types outright.
 */
export interface ReadBodyOptions {
  emptyAs?: unknown;
  /**
   * Uploads (PUT/PATCH /api/users/profile/ only): a multipart body may be this large, and
   * its files come back as Blobs (a repeated text field as a list). Everything else keeps
   * `limit`, and other routes keep files as a `{ file: true }` marker.
   */
  uploads?: { limit: number };
}

export async function readBody(req: Request, limit = BODY_LIMIT_BYTES, opts: ReadBodyOptions = {}): Promise<unknown> {
  const mediaType = (req.headers.get("content-type") ?? "").split(";")[0].trim().toLowerCase();
  const isJson = mediaType === "application/json" || /^application\/[\w.+-]+\+json$/.test(mediaType);
  const isUrlEncoded = mediaType === "application/x-www-form-urlencoded";
  const isMultipart = mediaType === "multipart/form-data";
  if (!isJson && !isUrlEncoded && !isMultipart) {
    if (opts.emptyAs !== undefined && mediaType === "" && (await readLimited(req, limit)).byteLength === 0) return opts.emptyAs;
    throw new DomainError(
      "unsupported_media_type",
      "Send the body as application/json or application/x-www-form-urlencoded.",
      415,
    );
  }
  const bytes = await readLimited(req, isMultipart && opts.uploads ? opts.uploads.limit : limit);

  if (isMultipart) {
    const form = await new Response(bytes as Uint8Array<ArrayBuffer>, { headers: { "content-type": req.headers.get("content-type")! } })
      .formData()
      .catch(() => {
        throw new DomainError("malformed_body", "The form body could not be read.", 400);
      });
    if (opts.uploads) return uploadFields(form);
    return Object.fromEntries([...form.entries()].map(([k, v]) => [k, typeof v === "string" ? v : { file: true }]));
  }

  let textBody: string;
  try {
    textBody = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DomainError("malformed_body", "The request body is not valid UTF-8.", 400);
  }
  if (isUrlEncoded) {
    // Like Django's QueryDict.get: the last value of a repeated key wins.
    return Object.fromEntries(new URLSearchParams(textBody).entries());
  }
  if (textBody.trim() === "") {
    if (opts.emptyAs !== undefined) return opts.emptyAs;
    throw new DomainError("malformed_json", "The request body is empty; send a JSON object.", 400);
  }
  try {
    return JSON.parse(textBody);
  } catch {
    throw new DomainError("malformed_json", "The request body is not valid JSON.", 400);
  }
}

function uploadFields(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(form.keys())) {
    const values = form.getAll(key);
    // A form repeats a field for a list (tag ids); a single value stays a value.
    out[key] = values.length === 1 ? values[0] : values;
  }
  return out;
}

/**
 * For requests whose body is optional (POST …/approve/ usually carries none): no body
 * at all, with or without a content type, reads as `{}`; anything else as readBody.
 */
export function readOptionalBody(req: Request, limit = BODY_LIMIT_BYTES): Promise<unknown> {
  return readBody(req, limit, { emptyAs: {} });
}

function tooLarge(limit: number): DomainError {
  const size = limit >= 1024 * 1024 ? `${Math.floor(limit / (1024 * 1024))} MB` : `${limit / 1024} KiB`;
  return new DomainError("payload_too_large", `The request body must be at most ${size}.`, 413);
}

async function readLimited(req: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(req.headers.get("content-length"));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  if (!req.body) return new Uint8Array();
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
