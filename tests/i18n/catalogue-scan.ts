import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

// Helpers of the catalogue tests: the catalogue flattened to dotted keys, and the
// project's source files.

export const ROOT = path.resolve(import.meta.dirname, "../..");

export function flatten(tree: unknown, prefix = ""): [string, string][] {
  if (typeof tree === "string") return [[prefix, tree]];
  if (!tree || typeof tree !== "object") return [[prefix, String(tree)]];
  return Object.entries(tree).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k));
}

export function sourceFiles(dir: string, exts = [".ts", ".tsx"]): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = path.join(d, name);
      if (name === "node_modules" || name === "generated" || name === "messages") continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (exts.some((e) => name.endsWith(e)) && !name.endsWith(".d.ts")) out.push(full);
    }
  };
  walk(path.join(ROOT, dir));
  return out;
}

export const read = (file: string) => readFileSync(file, "utf8");
export const rel = (file: string) => path.relative(ROOT, file).split(path.sep).join("/");
