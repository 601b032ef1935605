import { writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ACCOUNT_PATHS, locationRegex } from "./paths";

// Writes deploy/cutover/nginx/zporta-accounts-paths.conf from deploy/cutover/paths.ts:
//   node --import tsx deploy/cutover/generate.ts
// The site file for the live domain includes it (deploy/cutover/nginx/zportaacademy.conf).

export const PATHS_CONF = path.join(path.dirname(fileURLToPath(import.meta.url)), "nginx", "zporta-accounts-paths.conf");

export function renderLocations(): string {
  const lines = [
    "# GENERATED from deploy/cutover/paths.ts by deploy/cutover/generate.ts: edit the table, not this file.",
    "# The users API paths the live domain sends to this app (regex locations: they win over",
    "# the site's `location /api/` for Django and `location /` for the live frontend).",
    "",
  ];
  for (const p of ACCOUNT_PATHS) {
    lines.push(`# ${p.why}`);
    lines.push(`location ~ ${locationRegex(p)} {`);
    lines.push("    proxy_pass http://zporta_accounts;");
    if (p.maxBody) lines.push(`    client_max_body_size ${p.maxBody};`);
    lines.push(`    error_page 413 = ${p.maxBody ? "@upload_too_large" : "@too_large"};`);
    lines.push("    error_page 502 504 = @api_unavailable;");
    lines.push("}");
    lines.push("");
  }
  return lines.join("\n");
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  writeFileSync(PATHS_CONF, renderLocations());
  process.stdout.write(`wrote ${path.relative(process.cwd(), PATHS_CONF)} (${ACCOUNT_PATHS.length} locations)\n`);
}
