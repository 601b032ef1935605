import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/who/current-user";
import { isDomainError } from "@/lib/errors";
import { listGuideApplications } from "@/lib/guide-applications/list";
import { USERNAME_MAX } from "@/lib/users/field-limits";
import { APPLICATION_STATUSES } from "@/lib/guide-applications/list-schema";
import { DateTime } from "../../components/date-time";
import { Field } from "../../components/field";
import { ListRefusal, listOrRefusal } from "../../components/list-refusal";
import { Pagination } from "../../components/pagination";
import { first, type SearchParams } from "../../components/search-params";
import { StatusFilter } from "../../components/status-filter";
import { Table } from "../../components/table";
import { pageContext } from "../../components/acting-context";

export const metadata: Metadata = { title: "Guide applications" };

const PATH = "/admin/guide-applications";

export default async function GuideApplicationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const status = first(params.status) || undefined;
  const page = first(params.page) || undefined;
  const applicant = first(params.applicant)?.trim() || undefined;
  const result = await listOrRefusal(listGuideApplications({ status, applicant, page }, await pageContext(staff)));

  return (
    <section className="card">
      <h1>Guide applications</h1>
      <StatusFilter path={PATH} label="Filter by status" statuses={APPLICATION_STATUSES} current={status} />
      {/* A GET form (next/form: client-side navigation, plain GET without JavaScript): the search stays in the address. */}
      <Form action={PATH} role="search" aria-label="Search applications">
        {status && <input type="hidden" name="status" value={status} />}
        <Field name="applicant" label="Applicant" hint="Part of a username, any letter case." defaultValue={applicant ?? ""} maxLength={USERNAME_MAX} />
        <button type="submit">Search</button>
      </Form>
      {isDomainError(result) ? (
        <ListRefusal error={result} path={PATH} reset="Show all applications" />
      ) : result.items.length === 0 ? (
        <p>
          No applications{status ? ` with status ${status}` : ""}
          {applicant ? ` from an applicant matching “${applicant}”` : ""}.
        </p>
      ) : (
        <>
          <p className="hint">
            {result.total} application{result.total === 1 ? "" : "s"}; pending first, oldest first.
          </p>
          <Table columns={["Applicant", "Subjects", "Status", "Sent", "Review"]}>
            {result.items.map((a) => (
              <tr key={a.id} data-application-id={a.id}>
                <th scope="row">{a.applicant.username}</th>
                <td>{a.subjectsToTeach}</td>
                <td>{a.status}</td>
                <td>
                  <DateTime value={a.createdAt} />
                </td>
                <td>
                  <Link href={`${PATH}/${a.id}`} aria-label={`Review the application of ${a.applicant.username}`}>
                    Review
                  </Link>
                </td>
              </tr>
            ))}
          </Table>
          <Pagination path={PATH} query={{ status, applicant }} page={result.page} pageCount={result.pageCount} label="Pages of applications" />
        </>
      )}
    </section>
  );
}
