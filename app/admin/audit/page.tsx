import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/who/current-user";
import { listAuditLog } from "@/lib/audit/list";
import { describeAction, describeTargetType, knownAuditActions } from "@/lib/audit/wording";
import { isDomainError } from "@/lib/errors";
import { DateTime } from "../../components/date-time";
import { Field, SelectField } from "../../components/field";
import { FilterForm } from "../../components/filter-form";
import { inReadersLanguage } from "../list-refusal-words";
import { ListRefusal, listOrRefusal } from "../../components/list-refusal";
import { Pagination } from "../../components/pagination";
import { first, type SearchParams } from "../../components/search-params";
import { Table } from "../../components/table";
import { pageContext } from "../../components/acting-context";
import { AuditDetails, AuditTargetName } from "../audit-cells";
import styles from "../admin.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminAudit");
  return { title: t("title") };
}

const PATH = "/admin/audit";


const filterHref = (params: Record<string, string>) => `${PATH}?${new URLSearchParams(params)}`;

export default async function AuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff();
  const [t, locale] = await Promise.all([getTranslations("adminAudit"), getLocale()]);
  const TARGET_TYPES = ["User", "TeacherInvitation", "GuideApplication"].map((type) => ({ value: type, label: describeTargetType(type, locale) }));
  const ACTIONS = knownAuditActions(locale)
    .map(([value, label]) => ({ value, label }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const params = await searchParams;
  const filters = {
    action: first(params.action)?.trim() || undefined,
    actorId: first(params.actorId)?.trim() || undefined,
    who: first(params.who)?.trim() || undefined,
    about: first(params.about)?.trim() || undefined,
    targetType: first(params.targetType) || undefined,
    targetId: first(params.targetId)?.trim() || undefined,
    pageSize: first(params.pageSize) || undefined,
  };
  const result = await listOrRefusal(listAuditLog({ ...filters, page: first(params.page) || undefined }, await pageContext(staff)));

  return (
    <section className="card">
      <h1>{t("title")}</h1>
      <p className="hint">{t("intro")}</p>
      <FilterForm path={PATH} label={t("filterLabel")}>
        <Field name="who" label={t("doneBy")} defaultValue={filters.who ?? ""} maxLength={300} autoComplete="off" />
        <Field name="about" label={t("aboutMember")} defaultValue={filters.about ?? ""} maxLength={300} autoComplete="off" />
        <SelectField name="action" label={t("what")} anyLabel={t("anything")} options={ACTIONS} defaultValue={filters.action ?? ""} />
        <SelectField name="targetType" label={t("aboutWhat")} anyLabel={t("anything")} options={TARGET_TYPES} defaultValue={filters.targetType ?? ""} />
      </FilterForm>

      {isDomainError(result) ? (
        <ListRefusal error={await inReadersLanguage(result)} path={PATH} reset={t("showWholeLog")} />
      ) : result.items.length === 0 ? (
        <p>{t("noneMatch")}</p>
      ) : (
        <>
          <p>
            {t("total", { count: result.total })}
          </p>
          <Table columns={[t("colWhen"), t("colWho"), t("colWhat"), t("colAbout"), t("colNotes"), t("colDetails")]}>
            {result.items.map((e) => (
              <tr key={e.id}>
                <td>
                  <DateTime value={e.createdAt} />
                </td>
                <td>
                  {e.actor ? (
                    <Link href={filterHref({ who: e.actor.username })}>{e.actor.username}</Link>
                  ) : (
                    <span title={t("systemHint")}>{t("system")}</span>
                  )}
                </td>
                <th scope="row">
                  <Link href={filterHref({ action: e.action })} title={e.action}>
                    {describeAction(e.action, locale)}
                  </Link>
                </th>
                <td>
                  <AuditTargetName target={e.target} />
                </td>
                <td className="wrap-anywhere">{e.notes ?? ""}</td>
                <td className="wrap-anywhere">
                  <AuditDetails details={e.details} />
                </td>
              </tr>
            ))}
          </Table>
          <Pagination path={PATH} query={filters} page={result.page} pageCount={result.pageCount} label={t("pagesLabel")} />
        </>
      )}
    </section>
  );
}
