import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { listGuideApplications } from "@/lib/guide-applications/list";
import { USERNAME_MAX } from "@/lib/users/field-limits";
import { APPLICATION_STATUSES } from "@/lib/guide-applications/list-schema";
import { DateTime } from "../../components/date-time";
import { Field, FormMessage } from "../../components/field";
import { Pagination } from "../../components/pagination";
import { StatusFilter } from "../../components/status-filter";

export const metadata: Metadata = { title: "Guide applications" };

type Search = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
const PATH = "/admin/guide-applications";

export default async function GuideApplicationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const staff = await requireStaff();
  const params = await searchParams;
  const status = first(params.status) || undefined;
  const page = first(params.page) || undefined;
  const applicant = first(params.applicant)?.trim() || undefined;
  // A hand-edited address (?status=maybe, ?page=0) gets the domain's sentence, not a 500.
  const result = await listGuideApplications({ status, applicant, page }, staff, getDb()).catch((err) => {
    if (isDomainError(err) && err.status === 400) return err;
    throw err;
  });

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
        <FormMessage kind="error">
          {result.message} <Link href={PATH}>Show all applications</Link>
        </FormMessage>
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
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Applicant</th>
                  <th scope="col">Subjects</th>
                  <th scope="col">Status</th>
                  <th scope="col">Sent</th>
                  <th scope="col">Review</th>
                </tr>
              </thead>
              <tbody>
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
              </tbody>
            </table>
          </div>
          <Pagination path={PATH} query={{ status, applicant }} page={result.page} pageCount={result.pageCount} label="Pages of applications" />
        </>
      )}
    </section>
  );
}
