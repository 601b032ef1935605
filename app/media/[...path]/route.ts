import { readFile, stat } from "node:fs/promises";
import { isSafeMediaKey } from "@/lib/media/key";
import { LocalMediaStorage } from "@/lib/media/local-storage";

export const dynamic = "force-dynamic";

// The local media folder over HTTP, for development and a single host without nginx. In
// production nginx serves MEDIA_ROOT under /media/ itself (docs/api.md "Media"), and with
// MEDIA_STORAGE=s3 the URLs point at the bucket, never here.

const TYPES: Record<string, string> = { jpg: "image/jpeg", jpeg: "image/jpeg", png: "image/png", gif: "image/gif", webp: "image/webp" };

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

const notFound = () => new Response("Not found.", { status: 404, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function GET(_req: Request, { params }: { params: Promise<{ path: string[] }> }) {
  if (process.env.MEDIA_STORAGE === "s3") return notFound();
  const key = (await params).path.map(safeDecode).join("/");
  const type = TYPES[key.split(".").pop()?.toLowerCase() ?? ""];
  // Only image files, only inside the media folder.
  if (!type || !isSafeMediaKey(key)) return notFound();
  const file = LocalMediaStorage.fromEnv(process.env).resolve(key);
  try {
    if (!(await stat(file)).isFile()) return notFound();
    const bytes = await readFile(file);
    return new Response(bytes, {
      headers: {
        "content-type": type,
        "cache-control": "public, max-age=31536000, immutable",
        // Never run as a document, whatever its bytes claim.
        "content-security-policy": "default-src 'none'; sandbox",
        "x-content-type-options": "nosniff",
      },
    });
  } catch {
    return notFound();
  }
}
