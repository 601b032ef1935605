import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

// Where the CPU goes: per-process CPU time from /proc (Linux), so the report can say
// how many milliseconds of CPU one sign-up costs in each part of the stack.

const TICKS = Number(spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).stdout.trim()) || 100;

function stat(pid: number): string[] | null {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name may contain spaces: fields start after the last ")".
    return raw.slice(raw.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU seconds (user + system) a process has used so far. */
export function cpuSeconds(pid: number): number {
  const f = stat(pid);
  return f ? (Number(f[11]) + Number(f[12])) / TICKS : 0;
}

export function childrenOf(pid: number): number[] {
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((p) => stat(p)?.[1] === String(pid));
}

/** Busy CPU seconds of the whole machine (all cores, every process, anyone's). */
export function machineBusySeconds(): number {
  const [, ...v] = readFileSync("/proc/stat", "utf8").split("\n")[0].trim().split(/\s+/);
  const n = v.map(Number);
  const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
  const idle = n[3] + n[4];
  return (total - idle) / TICKS;
}

export function commandOf(pid: number): string {
  try {
    const raw = readFileSync(`/proc/${pid}/stat`, "utf8");
    return raw.slice(raw.indexOf("(") + 1, raw.lastIndexOf(")"));
  } catch {
    return "";
  }
}

export function descendantsOf(pid: number): number[] {
  const direct = childrenOf(pid);
  return [...direct, ...direct.flatMap(descendantsOf)];
}
