import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { listOutbox } from "@/lib/outbox/list";
import { OUTBOX_STATUSES } from "@/lib/outbox/list-schema";
import { DateTime } from "../../components/date-time";
import { FormMessage } from "../../components/field";
import { Pagination } from "../../components/pagination";
import { StatusFilter } from "../../components/status-filter";

export const metadata: Metadata = { title: "Outbox" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const PATH = "/admin/outbox";

// The dev mailbox: every email the app queued, newest first. Without SMTP_URL nothing
// leaves the machine and this is where staff read notifications and invitation links.
export default async function OutboxPage({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const status = first(params.status) || undefined;
  const page = first(params.page) || undefined;
  const result = await listOutbox({ status, page }, staff, getDb()).catch((err) => {
    if (isDomainError(err) && err.status === 400) return err;
    throw err;
  });

  return (
    <section className="card">
      <h1>Outbox</h1>
      <p className="hint">
        Emails the app has queued, newest first. With no <code>SMTP_URL</code> configured they are not sent anywhere: they are kept
        here (delivered via “dev mailbox”) for staff to read.
      </p>
      <StatusFilter path={PATH} label="Filter by delivery status" statuses={OUTBOX_STATUSES} current={status} />
      {isDomainError(result) ? (
        <FormMessage kind="error">
          {result.message} <Link href={PATH}>Show all messages</Link>
        </FormMessage>
      ) : result.items.length === 0 ? (
        <p>No messages{status ? ` with status ${status}` : ""}.</p>
      ) : (
        <>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Subject</th>
                  <th scope="col">To</th>
                  <th scope="col">Status</th>
                  <th scope="col">Created</th>
                  <th scope="col">Delivered</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
          <Pagination path={PATH} query={{ status }} page={result.page} pageCount={result.pageCount} label="Pages of messages" />
        </>
      )}
    </section>
  );
}
