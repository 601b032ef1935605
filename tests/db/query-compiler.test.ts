import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadQueryCompiler } from "../../lib/db/query-compiler";
import { QUERY_COMPILER_FILE, useQueryCompilerFile } from "../../scripts/support/prisma-query-compiler";

// The generated Prisma client loads its query compiler from a file, not from a base64
// string module kept on every worker's heap (docs/performance.md, "Memory").

const PRISMA_LOADER = (build: string) => `config.compilerWasm = {
  getRuntime: async () => await import("@prisma/client/runtime/query_compiler_${build}_bg.postgresql.mjs"),

  getQueryCompilerWasmModule: async () => {
    const { wasm } = await import("@prisma/client/runtime/query_compiler_${build}_bg.postgresql.wasm-base64.mjs")
    return await decodeBase64AsWasm(wasm)
  },

  importName: "./query_compiler_${build}_bg.js"
}
`;

const dirs: string[] = [];
function generatedDir(classSource: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "query-compiler-"));
  dirs.push(dir);
  mkdirSync(path.join(dir, "internal"));
  writeFileSync(path.join(dir, "internal", "class.ts"), classSource);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("the query compiler file", () => {
  it("is what the generated client loads, and compiles", async () => {
    const source = readFileSync("lib/db/generated/internal/class.ts", "utf8");
    expect(source).toContain(`(await import("../../query-compiler")).loadQueryCompiler()`);
    expect(source).not.toContain("wasm-base64");
    const module = await loadQueryCompiler();
    expect(WebAssembly.Module.exports(module).length).toBeGreaterThan(0);
  });

  it("is written from Prisma's base64 module, byte for byte, and a second run changes nothing", async () => {
    const dir = generatedDir(`// generated\n${PRISMA_LOADER("small")}\n// rest`);
    await useQueryCompilerFile(dir);
    const base64Module = "@prisma/client/runtime/query_compiler_small_bg.postgresql.wasm-base64.mjs";
    const { wasm } = (await import(base64Module)) as { wasm: string };
    const written = readFileSync(path.join(dir, QUERY_COMPILER_FILE));
    expect(written.equals(Buffer.from(wasm, "base64"))).toBe(true);
    const rewritten = readFileSync(path.join(dir, "internal", "class.ts"), "utf8");
    expect(rewritten).not.toContain("wasm-base64");
    expect(rewritten).toContain("// rest");

    await useQueryCompilerFile(dir);
    expect(readFileSync(path.join(dir, "internal", "class.ts"), "utf8")).toBe(rewritten);
  });

  it("refuses, with a sentence, a client whose loader looks different", async () => {
    const dir = generatedDir("config.compilerWasm = { getQueryCompilerWasmModule: somethingElse }\n");
    await expect(useQueryCompilerFile(dir)).rejects.toThrow(/does not load its query compiler the way .* expects/);
  });
});
