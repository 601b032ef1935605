import type { ImportReport, TableName } from "./types";

const TABLES: TableName[] = ["users", "profiles", "guide_applications", "invitations", "tokens", "preferences"];

/** The report as an operator reads it on a terminal. */
export function formatReport(report: ImportReport): string {
  const head = `Django import${report.dryRun ? " (dry run: nothing was written)" : ""}, ${report.seconds.toFixed(1)} s`;
  const cols = ["imported", "updated", "unchanged", "skipped"] as const;
  const lines = [head, "", `${"table".padEnd(20)}${cols.map((c) => c.padStart(11)).join("")}`];
  for (const t of TABLES) lines.push(`${t.padEnd(20)}${cols.map((c) => String(report[t][c]).padStart(11)).join("")}`);
  lines.push("", report.conflicts.length === 0 ? "No conflicts." : `Conflicts (${report.conflicts.length}), each repaired as said:`);
  for (const c of report.conflicts) lines.push(`  ${c.kind} [${c.ids.join(", ")}]: ${c.action}`);
  return lines.join("\n");
}

/** A progress line for a terminal (stderr): rows per table and a bar. */
export function progressLine(table: TableName, done: number, total: number): string {
  const width = 30;
  const filled = total === 0 ? width : Math.round((done / total) * width);
  return `${table.padEnd(20)} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`;
}
