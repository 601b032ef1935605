import type { Metadata } from "next";
import Form from "next/form";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/who/current-user";
import { isDomainError } from "@/lib/errors";
import { listGuideApplications } from "@/lib/guide-applications/list";
import { USERNAME_MAX } from "@/lib/users/field-limits";
import { APPLICATION_STATUSES } from "@/lib/guide-applications/list-schema";
import { DateTime } from "../../components/date-time";
import { Field } from "../../components/field";
import { inReadersLanguage } from "../list-refusal-words";
import { ListRefusal, listOrRefusal } from "../../components/list-refusal";
import { Pagination } from "../../components/pagination";
import { first, type SearchParams } from "../../components/search-params";
import { StatusFilter } from "../../components/status-filter";
import { Table } from "../../components/table";
import { pageContext } from "../../components/acting-context";
import { applicationStatusWords } from "./status-words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminGuideApplications");
  return { title: t("title") };
}

const PATH = "/admin/guide-applications";

export default async function GuideApplicationsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const t = await getTranslations("adminGuideApplications");
  const statusWords = await applicationStatusWords();
  const params = await searchParams;
  const status = first(params.status) || undefined;
  const page = first(params.page) || undefined;
  const applicant = first(params.applicant)?.trim() || undefined;
  const result = await listOrRefusal(listGuideApplications({ status, applicant, page }, await pageContext(staff)));

  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <StatusFilter path={PATH} label={t("filterLabel")} statuses={APPLICATION_STATUSES} word={statusWords} current={status} />
      {/* A GET form (next/form: client-side navigation, plain GET without JavaScript): the search stays in the address. */}
      <Form action={PATH} role="search" aria-label={t("searchLabel")}>
        {status && <input type="hidden" name="status" value={status} />}
        <Field name="applicant" label={t("applicant")} hint={t("applicantHint")} defaultValue={applicant ?? ""} maxLength={USERNAME_MAX} />
        <button type="submit">{t("search")}</button>
      </Form>
      {isDomainError(result) ? (
        <ListRefusal error={await inReadersLanguage(result)} path={PATH} reset={t("showAll")} />
      ) : result.items.length === 0 ? (
        <p>
          {status && applicant
            ? t("noneWithStatusMatching", { status, applicant })
            : status
              ? t("noneWithStatus", { status })
              : applicant
                ? t("noneMatching", { applicant })
                : t("none")}
        </p>
      ) : (
        <>
          <p className="hint">
            {t("total", { count: result.total })}
          </p>
          <Table columns={[t("colApplicant"), t("colSubjects"), t("colStatus"), t("colSent"), t("colReview")]}>
            {result.items.map((a) => (
              <tr key={a.id} data-application-id={a.id}>
                <th scope="row">{a.applicant.username}</th>
                <td>{a.subjectsToTeach}</td>
                <td>{statusWords(a.status)}</td>
                <td>
                  <DateTime value={a.createdAt} />
                </td>
                <td>
                  <Link href={`${PATH}/${a.id}`} aria-label={t("reviewAria", { username: a.applicant.username })}>
                    {t("review")}
                  </Link>
                </td>
              </tr>
            ))}
          </Table>
          <Pagination path={PATH} query={{ status, applicant }} page={result.page} pageCount={result.pageCount} label={t("pagesLabel")} />
        </>
      )}
    </section>
  );
}
