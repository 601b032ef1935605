// After `prisma generate`: the generated client imports its query compiler as a base64
// string module; rewrite that one loader to read the binary from a file instead
// (lib/db/query-compiler.ts says why). Idempotent; refuses, with a sentence, a client
// whose loader does not look as expected (a newer Prisma), rather than guess.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// The name lib/db/query-compiler.ts reads: written there as a literal, because Next's
// bundler only ships a file named by a literal `new URL(…, import.meta.url)`
// (tests/db/query-compiler.test.ts loads it through that function).
export const QUERY_COMPILER_FILE = "query-compiler.wasm";

const LOADER =
  /getQueryCompilerWasmModule: async \(\) => \{\s*const \{ wasm \} = await import\("(@prisma\/client\/runtime\/query_compiler_[a-z]+_bg\.postgresql\.wasm-base64\.mjs)"\)\s*return await decodeBase64AsWasm\(wasm\)\s*\},/;
const REWRITTEN = `getQueryCompilerWasmModule: async () => (await import("../../query-compiler")).loadQueryCompiler(),`;

/** Rewrites `<generated>/internal/class.ts` and writes `<generated>/query-compiler.wasm`. */
export async function useQueryCompilerFile(generated = "lib/db/generated"): Promise<void> {
  const classFile = path.join(generated, "internal", "class.ts");
  const source = readFileSync(classFile, "utf8");
  if (source.includes(REWRITTEN)) return;
  const match = LOADER.exec(source);
  if (!match) {
    throw new Error(
      `${classFile} does not load its query compiler the way scripts/support/prisma-query-compiler.ts expects (a different Prisma version?); update that file's pattern.`,
    );
  }
  const { wasm } = (await import(match[1])) as { wasm: string };
  writeFileSync(path.join(generated, QUERY_COMPILER_FILE), Buffer.from(wasm, "base64"));
  writeFileSync(classFile, source.replace(LOADER, REWRITTEN));
}
