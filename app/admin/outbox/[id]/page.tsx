import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/who/current-user";
import { isDomainError } from "@/lib/errors";
import { getOutboxMessage } from "@/lib/outbox/list";
import { DateTime } from "../../../components/date-time";
import styles from "../outbox.module.css";
import { outboxStatusWords } from "../status-words";
import { pageContext } from "../../../components/acting-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminOutbox");
  return { title: t("messageTitle") };
}

export default async function OutboxMessagePage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const message = await getOutboxMessage({ id }, await pageContext(staff)).catch((err) => {
    if (isDomainError(err) && (err.status === 404 || err.status === 400)) return null;
    throw err;
  });
  if (!message) notFound();
  const m = message;
  const t = await getTranslations("adminOutbox");
  const statusWord = await outboxStatusWords();

  return (
    <section className="card">
      <p>
        <Link href="/admin/outbox">{t("back")}</Link>
      </p>
      <h1>{m.subject || t("noSubject")}</h1>
      <dl className="details" aria-label={t("message")}>
        <dt>{t("to")}</dt>
        <dd>{m.to}</dd>
        <dt>{t("kind")}</dt>
        <dd>{m.kind}</dd>
        <dt>{t("status")}</dt>
        <dd>{statusWord(m.status)}</dd>
        <dt>{t("created")}</dt>
        <dd>
          <DateTime value={m.createdAt} />
        </dd>
        <dt>{t("delivered")}</dt>
        <dd>
          <DateTime value={m.deliveredAt} />
          {m.deliveredVia && ` ${t("via", { via: m.deliveredVia === "dev_mailbox" ? t("devMailbox") : m.deliveredVia })}`}
        </dd>
        <dt>{t("attempts")}</dt>
        <dd>{m.attempts}</dd>
        {m.status === "pending" && (
          <>
            <dt>{t("nextAttempt")}</dt>
            <dd>
              <DateTime value={m.nextAttemptAt} />
            </dd>
          </>
        )}
        {m.lastError && (
          <>
            <dt>{t("lastError")}</dt>
            <dd>{m.lastError}</dd>
          </>
        )}
      </dl>
      <h2>{t("body")}</h2>
      <pre className={styles.body} aria-label={t("messageBody")}>
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
