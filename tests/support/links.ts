import { inject } from "vitest";
import type { Db } from "../../lib/db/client";
import { emailText, LINK_PATTERN } from "./mailbox";

// The one-time link in the newest email of a kind to an address, as its recipient reads
// it (tests/support/mailbox.ts): the whole URL and its uid and token parts.

export interface MailedLink {
  url: string;
  /** The path, e.g. /reset-password-confirm/<uid>/<token>/ */
  path: string;
  uid: string;
  token: string;
}

export async function mailedLink(db: Db, email: string, kind: string): Promise<MailedLink> {
  const message = await db.outbox.findFirst({
    where: { to: email, kind },
    orderBy: { id: "desc" },
    select: { id: true, status: true, text: true, secret: true, secretAt: true },
  });
  const match = message && emailText(message, inject("databaseUrl")).match(LINK_PATTERN);
  if (!match) throw new Error(`no ${kind} email to ${email}`);
  return { url: match[1] + match[2], path: match[2], uid: match[3], token: match[4] };
}

export async function emailCount(db: Db, email: string, kind: string): Promise<number> {
  return db.outbox.count({ where: { to: email, kind } });
}
