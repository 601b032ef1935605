import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireUser } from "@/lib/auth/who/current-user";
import { getMyLatestGuideApplication } from "@/lib/guide-applications/list";
import { EXPERIENCE_MAX, MOTIVATION_MAX, SUBJECTS_MAX } from "@/lib/guide-applications/submit-schema";
import type { GuideApplicationView } from "@/lib/guide-applications/view";
import { DateTime } from "../components/date-time";
import { FormMessage } from "../components/field";
import { ApplicationForm } from "./application-form";
import { pageContext } from "../components/acting-context";
import styles from "./page.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("guideApplication");
  return { title: t("title") };
}

const LIMITS = { motivation: MOTIVATION_MAX, experience: EXPERIENCE_MAX, subjects: SUBJECTS_MAX };
type Search = Record<string, string | string[] | undefined>;

export default async function GuideApplicationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser("/guide-application");
  const latest = await getMyLatestGuideApplication({}, await pageContext(user));
  const submitted = (await searchParams).submitted === "1" && latest?.status === "pending";
  const t = await getTranslations("guideApplication");

  return (
    <section className="card">
      <h1>{t("title")}</h1>
      {submitted && <FormMessage kind="success">{t("sent")}</FormMessage>}
      {!latest && (
        <>
          <p>{t("intro")}</p>
          <ApplicationForm limits={LIMITS} heading={t("yourApplication")} />
        </>
      )}
      {latest?.status === "pending" && (
        <>
          <p className="notice">{t("pending")}</p>
          <ApplicationDetails application={latest} />
        </>
      )}
      {latest?.status === "approved" && (
        <>
          <p className="success">
            {t.rich("approved", {
              date: () => <DateTime value={latest.reviewedAt} />,
              account: (chunks) => <Link href="/account">{chunks}</Link>,
            })}
          </p>
          <ApplicationDetails application={latest} />
        </>
      )}
      {latest?.status === "rejected" && (
        <>
          <div className="notice">
            <p>
              {t.rich("rejected", { date: () => <DateTime value={latest.createdAt} /> })}
            </p>
            {latest.adminNotes ? (
              <>
                <p>{t("notesIntro")}</p>
                <blockquote className={styles.notes} aria-label={t("notes")}>{latest.adminNotes}</blockquote>
              </>
            ) : (
              <p>{t("noNotes")}</p>
            )}
            <p>{t("mayApplyAgain")}</p>
          </div>
          <ApplicationForm limits={LIMITS} heading={t("applyAgain")} />
        </>
      )}
    </section>
  );
}

const STATUS = { pending: "statusPending", approved: "statusApproved", rejected: "statusRejected" } as const;

async function ApplicationDetails({ application: a }: { application: GuideApplicationView }) {
  const t = await getTranslations("guideApplication");
  return (
    <dl className="details" aria-label={t("yourApplication")}>
      <dt>{t("status")}</dt>
      <dd>{t(STATUS[a.status])}</dd>
      <dt>{t("sentOn")}</dt>
      <dd>
        <DateTime value={a.createdAt} />
      </dd>
      <dt>{t("subjects")}</dt>
      <dd>{a.subjectsToTeach}</dd>
      <dt>{t("motivation")}</dt>
      <dd>{a.motivation}</dd>
      <dt>{t("experience")}</dt>
      <dd>{a.experience ?? "—"}</dd>
      <dt>{t("referredBy")}</dt>
      <dd>{a.referredBy?.username ?? "—"}</dd>
      {a.adminNotes && (
        <>
          <dt>{t("notes")}</dt>
          <dd>{a.adminNotes}</dd>
        </>
      )}
    </dl>
  );
}
