import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fullText } from "../../lib/outbox/secret-text";

/**
 * A one-time link as the emails write it: the site, then the path (group 2) with its uid
 * (3) and secret (4). Vitest (tests/support/links.ts) and Playwright (e2e/support/links.ts) read links with it.
 */
export const LINK_PATTERN = /(https?:\/\/[^\s/]+)(\/(?:reset-password-confirm|verify-email|magic-login|change-email(?:\/undo)?)\/([A-Za-z0-9_-]+)\/([A-Za-z0-9_-]{43})\/)/;

// The test servers' mailbox. They run without SMTP (MAIL_DEV_MAILBOX=1) and keep every
// delivered email in full in a folder (MAIL_DEV_MAILBOX_DIR), since the Outbox row drops
// a one-time secret once delivered. Every server on one test database shares the folder
// (any of them may deliver a row), so it is named after the database.

export function testMailboxDir(databaseUrl: string): string {
  return path.join(os.tmpdir(), `zporta-mailbox-${createHash("sha256").update(databaseUrl).digest("hex").slice(0, 12)}`);
}

export interface MailboxRow {
  id: number;
  status: string;
  text: string;
  secret: string | null;
  secretAt: number | null;
}

/**
 * The full text of an Outbox row's email, as its recipient reads it: rebuilt from the row
 * while it is pending (the secret is still there), else from the mailbox folder (the
 * file is written before the row is marked delivered, so it exists by then).
 */
export function emailText(row: MailboxRow, databaseUrl: string): string {
  if (row.status === "pending") return fullText(row);
  const file = path.join(testMailboxDir(databaseUrl), `${row.id}.json`);
  if (!existsSync(file)) throw new Error(`email #${row.id} is ${row.status} but not in the test mailbox ${file}`);
  return (JSON.parse(readFileSync(file, "utf8")) as { text: string }).text;
}
