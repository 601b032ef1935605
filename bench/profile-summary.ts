// `npx tsx bench/profile-summary.ts <file.cpuprofile>…`: where a worker's CPU went, from
// V8 CPU profiles (`BENCH_DIAGNOSTICS=dir npm run bench` writes one per worker, see
// bench/README.md). Self time per package (or node's internals, or this app's code) and
// the heaviest functions. Open the same files in Chrome DevTools (Performance) for flame
// charts.
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

function area(url: string, fn: string): string {
  if (!url) return fn === "(garbage collector)" ? "(garbage collector)" : fn === "(idle)" ? "(idle)" : fn === "(program)" ? "(program: native, outside JS)" : "(native)";
  if (url.startsWith("node:")) return "node internals";
  const nm = url.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = url.slice(nm + "node_modules/".length).split("/");
    const pkg = rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
    if (pkg === "next") return `next (${rest.slice(1, 4).join("/")})`.replace(/\/[^/]*\.js$/, "");
    return pkg;
  }
  if (url.includes("/.next/server/")) return "app (Next bundle)";
  if (url.includes("/.next/zporta-server/")) return "server (compiled worker)";
  return url.replace(/^file:\/\//, "");
}

const selfByArea = new Map<string, number>();
const selfByFn = new Map<string, number>();
let total = 0;
let idle = 0;
for (const file of process.argv.slice(2)) {
  const p = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  // Each sample's time is the delta to the next sample.
  for (let i = 0; i < p.samples.length; i++) {
    const dt = (p.timeDeltas[i + 1] ?? 0) / 1000; // µs -> ms
    const node = byId.get(p.samples[i]);
    if (!node) continue;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === "(idle)") {
      idle += dt;
      continue;
    }
    total += dt;
    const a = area(url, functionName);
    selfByArea.set(a, (selfByArea.get(a) ?? 0) + dt);
    const key = `${functionName || "(anonymous)"} ${a}:${lineNumber + 1}`;
    selfByFn.set(key, (selfByFn.get(key) ?? 0) + dt);
  }
}

const top = (m: Map<string, number>, n: number) => [...m.entries()].sort((a, b) => b[1] - a[1]).slice(0, n);
console.log(`busy ${(total / 1000).toFixed(1)} s of JS-thread time, idle ${(idle / 1000).toFixed(1)} s (hashing threads are not sampled)\n`);
console.log("self time by area:");
for (const [k, v] of top(selfByArea, 25)) console.log(`  ${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
console.log("\nheaviest functions (self time):");
for (const [k, v] of top(selfByFn, 30)) console.log(`  ${((v / total) * 100).toFixed(1).padStart(5)} %  ${k}`);
