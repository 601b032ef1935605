import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/who/current-user";
import { isDomainError } from "@/lib/errors";
import { listOutbox } from "@/lib/outbox/list";
import { OUTBOX_STATUSES } from "@/lib/outbox/list-schema";
import { outboxStatusWords } from "./status-words";
import { DateTime } from "../../components/date-time";
import { inReadersLanguage } from "../list-refusal-words";
import { ListRefusal, listOrRefusal } from "../../components/list-refusal";
import { Pagination } from "../../components/pagination";
import { first, type SearchParams } from "../../components/search-params";
import { StatusFilter } from "../../components/status-filter";
import { Table } from "../../components/table";
import { pageContext } from "../../components/acting-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminOutbox");
  return { title: t("title") };
}

const PATH = "/admin/outbox";

// The dev mailbox: every email the app queued, newest first. Without SMTP_URL nothing
// leaves the machine and this is where staff read notifications. One-time links
// (invitations) show "[redacted]" instead of their token: only the email carries it.
export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const t = await getTranslations("adminOutbox");
  const statusWord = await outboxStatusWords();
  const params = await searchParams;
  const status = first(params.status) || undefined;
  const page = first(params.page) || undefined;
  const result = await listOrRefusal(listOutbox({ status, page }, await pageContext(staff)));

  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <p className="hint">{t.rich("intro", { code: (chunks) => <code>{chunks}</code> })}</p>
      <StatusFilter path={PATH} label={t("filterLabel")} statuses={OUTBOX_STATUSES} word={statusWord} current={status} />
      {isDomainError(result) ? (
        <ListRefusal error={await inReadersLanguage(result)} path={PATH} reset={t("showAll")} />
      ) : result.items.length === 0 ? (
        <p>{status ? t("noMessagesWith", { status: statusWord(status) }) : t("noMessages")}</p>
      ) : (
        <>
          <Table columns={[t("colSubject"), t("colTo"), t("colStatus"), t("colCreated"), t("colDelivered")]}>
            {result.items.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link href={`${PATH}/${m.id}`}>{m.subject || t("noSubject")}</Link>
                </th>
                <td>{m.to}</td>
                <td>{statusWord(m.status)}</td>
                <td>
                  <DateTime value={m.createdAt} />
                </td>
                <td>
                  <DateTime value={m.deliveredAt} />
                  {m.deliveredVia && <span className="hint"> {t("via", { via: m.deliveredVia === "dev_mailbox" ? t("devMailbox") : m.deliveredVia })}</span>}
                </td>
              </tr>
            ))}
          </Table>
          <Pagination path={PATH} query={{ status }} page={result.page} pageCount={result.pageCount} label={t("pagesLabel")} />
        </>
      )}
    </section>
  );
}
