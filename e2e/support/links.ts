import { expect } from "@playwright/test";
import { emailText, LINK_PATTERN, type MailboxRow } from "../../tests/support/mailbox";
import { sql } from "./accounts";

/**
 * The one-time link in the newest email of `kind` to `email`, as its recipient reads it
 * (from the Outbox row while pending, from the test mailbox once delivered). Waits for it:
 * the page answered before the test looks.
 */
export async function mailedLink(email: string, kind: string): Promise<string> {
  let link: string | undefined;
  await expect
    .poll(async () => {
      const { rows } = await sql(`SELECT id, status, "text", secret, "secretAt" FROM "Outbox" WHERE "to" = $1 AND kind = $2 ORDER BY id DESC LIMIT 1`, [email, kind]);
      const text = rows[0] ? emailText(rows[0] as MailboxRow, process.env.TEST_DATABASE_URL!) : undefined;
      link = text?.match(LINK_PATTERN)?.[0];
      return link;
    })
    .toBeTruthy();
  return link!;
}
