// Prisma's generated client carries its query compiler (WebAssembly) as a base64 string
// module, so every worker kept the module's source text and the decoded string on its
// heap for good. scripts/support/prisma-query-compiler.ts makes the generated client
// call this instead: the binary is read from a file beside the client and compiled, and
// nothing but the compiled module stays (docs/performance.md, "Memory").
import { readFile } from "node:fs/promises";

export async function loadQueryCompiler(): Promise<WebAssembly.Module> {
  // A literal `new URL(…, import.meta.url)`: Next's bundler sees it and ships the file
  // with the server build.
  const bytes = await readFile(new URL("./generated/query-compiler.wasm", import.meta.url));
  return WebAssembly.compile(bytes);
}
