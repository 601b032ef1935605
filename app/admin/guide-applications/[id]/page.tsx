import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/who/current-user";
import { isDomainError } from "@/lib/errors";
import { ADMIN_NOTES_MAX } from "@/lib/guide-applications/decision-schema";
import { getGuideApplication } from "@/lib/guide-applications/list";
import { DateTime } from "../../../components/date-time";
import { DecisionPanel } from "../decision-panel";
import { pageContext } from "../../../components/acting-context";
import { applicationStatusWords } from "../status-words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminGuideApplications");
  return { title: t("detailTitle") };
}

export default async function GuideApplicationDetail({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  // Unknown and malformed ids are both "no such page" (notFound() throws: outside the catch).
  const application = await getGuideApplication({ applicationId: id }, await pageContext(staff)).catch((err) => {
    if (isDomainError(err) && (err.status === 404 || err.status === 400)) return null;
    throw err;
  });
  if (!application) notFound();
  const a = application;
  const t = await getTranslations("adminGuideApplications");
  const statusWords = await applicationStatusWords();

  return (
    <section className="card">
      <p>
        <Link href="/admin/guide-applications">{t("back")}</Link>
      </p>
      <h1>{t("applicationFrom", { username: a.applicant.username })}</h1>
      <dl className="details" aria-label={t("application")}>
        <dt>{t("status")}</dt>
        <dd>{statusWords(a.status)}</dd>
        <dt>{t("applicant")}</dt>
        <dd>
          {t("applicantEmail", { username: a.applicant.username, email: a.applicant.email ?? t("noUsableEmail") })}
        </dd>
        <dt>{t("sent")}</dt>
        <dd>
          <DateTime value={a.createdAt} />
        </dd>
        <dt>{t("subjects")}</dt>
        <dd>{a.subjectsToTeach}</dd>
        <dt>{t("referredBy")}</dt>
        <dd>{a.referredBy?.username ?? "—"}</dd>
        <dt>{t("motivation")}</dt>
        <dd>{a.motivation}</dd>
        <dt>{t("experience")}</dt>
        <dd>{a.experience ?? "—"}</dd>
        {a.status !== "pending" && (
          <>
            <dt>{t("decidedBy")}</dt>
            <dd>{a.reviewedBy?.username ?? "—"}</dd>
            <dt>{t("decided")}</dt>
            <dd>
              <DateTime value={a.reviewedAt} />
            </dd>
            <dt>{t("notes")}</dt>
            <dd>{a.adminNotes ?? "—"}</dd>
          </>
        )}
      </dl>
      <DecisionPanel applicationId={a.id} pending={a.status === "pending"} notesMax={ADMIN_NOTES_MAX} />
    </section>
  );
}
