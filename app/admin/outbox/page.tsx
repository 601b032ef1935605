import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { listOutbox } from "@/lib/outbox/list";
import { OUTBOX_STATUSES } from "@/lib/outbox/list-schema";
import { DateTime } from "../../components/date-time";
import { ListRefusal, listOrRefusal } from "../../components/list-refusal";
import { Pagination } from "../../components/pagination";
import { first, type SearchParams } from "../../components/search-params";
import { StatusFilter } from "../../components/status-filter";
import { Table } from "../../components/table";

export const metadata: Metadata = { title: "Outbox" };

const PATH = "/admin/outbox";

// The dev mailbox: every email the app queued, newest first. Without SMTP_URL nothing
// leaves the machine and this is where staff read notifications. One-time links
// (invitations) show "[redacted]" instead of their token: only the email carries it.
export default async function OutboxPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const status = first(params.status) || undefined;
  const page = first(params.page) || undefined;
  const result = await listOrRefusal(listOutbox({ status, page }, staff, getDb()));

  return (
    <section className="card">
      <h1>Outbox</h1>
      <p className="hint">
        Emails the app has queued, newest first. With no <code>SMTP_URL</code> configured they are not sent anywhere: they are kept
        here (delivered via “dev mailbox”) for staff to read. Secret parts of links (an invitation’s token) are always shown as
        [redacted]: only the recipient’s email carries them.
      </p>
      <StatusFilter path={PATH} label="Filter by delivery status" statuses={OUTBOX_STATUSES} current={status} />
      {isDomainError(result) ? (
        <ListRefusal error={result} path={PATH} reset="Show all messages" />
      ) : result.items.length === 0 ? (
        <p>No messages{status ? ` with status ${status}` : ""}.</p>
      ) : (
        <>
          <Table columns={["Subject", "To", "Status", "Created", "Delivered"]}>
            {result.items.map((m) => (
              <tr key={m.id}>
                <th scope="row">
                  <Link href={`${PATH}/${m.id}`}>{m.subject || "(no subject)"}</Link>
                </th>
                <td>{m.to}</td>
                <td>{m.status}</td>
                <td>
                  <DateTime value={m.createdAt} />
                </td>
                <td>
                  <DateTime value={m.deliveredAt} />
                  {m.deliveredVia && <span className="hint"> ({m.deliveredVia === "dev_mailbox" ? "dev mailbox" : m.deliveredVia})</span>}
                </td>
              </tr>
            ))}
          </Table>
          <Pagination path={PATH} query={{ status }} page={result.page} pageCount={result.pageCount} label="Pages of messages" />
        </>
      )}
    </section>
  );
}
