import { imageSize } from "image-size";
import { DomainError } from "../errors";

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;
/** Either side; a bigger picture is refused before anything decodes it. */
export const IMAGE_MAX_SIDE = 6000;
export const IMAGE_MAX_PIXELS = 36_000_000;

export interface CheckedImage {
  bytes: Uint8Array;
  contentType: string;
  extension: string;
  width: number;
  height: number;
}

const KINDS: { type: string; contentType: string; extension: string; matches: (b: Uint8Array) => boolean }[] = [
  { type: "jpg", contentType: "image/jpeg", extension: "jpg", matches: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    type: "png",
    contentType: "image/png",
    extension: "png",
    matches: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((v, i) => b[i] === v),
  },
  { type: "gif", contentType: "image/gif", extension: "gif", matches: (b) => ascii(b, 0, 6) === "GIF87a" || ascii(b, 0, 6) === "GIF89a" },
  { type: "webp", contentType: "image/webp", extension: "webp", matches: (b) => ascii(b, 0, 4) === "RIFF" && ascii(b, 8, 12) === "WEBP" },
];

function ascii(b: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...b.subarray(from, to));
}

/**
 * An upload is an image when its first bytes say so (the name and the declared type are
 * the sender's word, not evidence), and its header gives dimensions within the limits.
 * `label` is the field's API name, for the one sentence a client reads.
 */
export function checkImage(label: string, bytes: Uint8Array): CheckedImage {
  if (bytes.byteLength > IMAGE_MAX_BYTES) {
    throw new DomainError("image_too_large", `${label} must be at most 5 MB.`, 400, { [label]: "At most 5 MB." });
  }
  const kind = KINDS.find((k) => k.matches(bytes));
  if (!kind) {
    throw new DomainError("not_an_image", `${label} must be a JPEG, PNG, GIF or WebP image.`, 400, { [label]: "Not an image." });
  }
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(bytes);
  } catch {
    size = {};
  }
  const { width, height } = size;
  // The header must parse as the same kind the signature claimed, with real dimensions.
  if (!width || !height || size.type !== kind.type) {
    throw new DomainError("not_an_image", `${label} could not be read as an image.`, 400, { [label]: "Not a readable image." });
  }
  if (width > IMAGE_MAX_SIDE || height > IMAGE_MAX_SIDE || width * height > IMAGE_MAX_PIXELS) {
    throw new DomainError(
      "image_too_many_pixels",
      `${label} must be at most ${IMAGE_MAX_SIDE} by ${IMAGE_MAX_SIDE} pixels.`,
      400,
      { [label]: "Too many pixels." },
    );
  }
  return { bytes, contentType: kind.contentType, extension: kind.extension, width, height };
}
