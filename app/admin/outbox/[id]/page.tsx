import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { getOutboxMessage } from "@/lib/outbox/list";
import { DateTime } from "../../../components/date-time";
import styles from "../outbox.module.css";

export const metadata: Metadata = { title: "Outbox message" };

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const message = await getOutboxMessage({ id }, staff, getDb()).catch((err) => {
    if (isDomainError(err) && (err.status === 404 || err.status === 400)) return null;
    throw err;
  });
  if (!message) notFound();
  const m = message;

  return (
    <section className="card">
      <p>
        <Link href="/admin/outbox">← Outbox</Link>
      </p>
      <h1>{m.subject || "(no subject)"}</h1>
      <dl className="details" aria-label="Message">
        <dt>To</dt>
        <dd>{m.to}</dd>
        <dt>Kind</dt>
        <dd>{m.kind}</dd>
        <dt>Status</dt>
        <dd>{m.status}</dd>
        <dt>Created</dt>
        <dd>
          <DateTime value={m.createdAt} />
        </dd>
        <dt>Delivered</dt>
        <dd>
          <DateTime value={m.deliveredAt} />
          {m.deliveredVia && ` (${m.deliveredVia === "dev_mailbox" ? "dev mailbox" : m.deliveredVia})`}
        </dd>
        <dt>Attempts</dt>
        <dd>{m.attempts}</dd>
        {m.status === "pending" && (
          <>
            <dt>Next attempt</dt>
            <dd>
              <DateTime value={m.nextAttemptAt} />
            </dd>
          </>
        )}
        {m.lastError && (
          <>
            <dt>Last error</dt>
            <dd>{m.lastError}</dd>
          </>
        )}
      </dl>
      <h2>Body</h2>
      <pre className={styles.body} aria-label="Message body">
        <Linkified text={m.text} />
      </pre>
    </section>
  );
}

// Links in the body (the review page, an invitation) are clickable, as in a mail client.
function Linkified({ text }: { text: string }) {
  return text.split(/(https?:\/\/[^\s<>"]+)/g).map((part, i) =>
    i % 2 === 1 ? (
      <a key={i} href={part} rel="noreferrer">
        {part}
      </a>
    ) : (
      part
    ),
  );
}
