import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";

/** The media folder (MEDIA_ROOT) of the test servers on one test database. */
export function testMediaDir(databaseUrl: string): string {
  return path.join(os.tmpdir(), `zporta-media-${createHash("sha256").update(databaseUrl).digest("hex").slice(0, 12)}`);
}
