import type { Metadata } from "next";
import { GUIDE_APPLICATION_PENDING } from "@/lib/ui-messages";
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

export const metadata: Metadata = { title: "Become a guide" };

const LIMITS = { motivation: MOTIVATION_MAX, experience: EXPERIENCE_MAX, subjects: SUBJECTS_MAX };
type Search = Record<string, string | string[] | undefined>;

export default async function GuideApplicationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requireUser("/guide-application");
  const latest = await getMyLatestGuideApplication({}, await pageContext(user));
  const submitted = (await searchParams).submitted === "1" && latest?.status === "pending";

  return (
    <section className="card">
      <h1>Become a guide</h1>
      {submitted && <FormMessage kind="success">Thank you! Your application was sent. Our staff will review it soon.</FormMessage>}
      {!latest && (
        <>
          <p>Guides teach on Zporta Academy. Tell us about yourself and what you would like to teach; our staff review every application.</p>
          <ApplicationForm limits={LIMITS} heading="Your application" />
        </>
      )}
      {latest?.status === "pending" && (
        <>
          <p className="notice">{GUIDE_APPLICATION_PENDING}</p>
          <ApplicationDetails application={latest} />
        </>
      )}
      {latest?.status === "approved" && (
        <>
          <p className="success">
            Your application was approved on <DateTime value={latest.reviewedAt} />. You are a guide:{" "}
            <Link href="/account">see your account</Link>.
          </p>
          <ApplicationDetails application={latest} />
        </>
      )}
      {latest?.status === "rejected" && (
        <>
          <div className="notice">
            <p>
              Your application of <DateTime value={latest.createdAt} /> was not approved.
            </p>
            {latest.adminNotes ? (
              <>
                <p>Notes from the reviewer:</p>
                <blockquote className={styles.notes} aria-label="Notes from the reviewer">{latest.adminNotes}</blockquote>
              </>
            ) : (
              <p>The reviewer left no notes.</p>
            )}
            <p>You may apply again.</p>
          </div>
          <ApplicationForm limits={LIMITS} heading="Apply again" />
        </>
      )}
    </section>
  );
}

function ApplicationDetails({ application: a }: { application: GuideApplicationView }) {
  return (
    <dl className="details" aria-label="Your application">
      <dt>Status</dt>
      <dd>{a.status[0].toUpperCase() + a.status.slice(1)}</dd>
      <dt>Sent</dt>
      <dd>
        <DateTime value={a.createdAt} />
      </dd>
      <dt>Subjects</dt>
      <dd>{a.subjectsToTeach}</dd>
      <dt>Motivation</dt>
      <dd>{a.motivation}</dd>
      <dt>Experience</dt>
      <dd>{a.experience ?? "—"}</dd>
      <dt>Referred by</dt>
      <dd>{a.referredBy?.username ?? "—"}</dd>
      {a.adminNotes && (
        <>
          <dt>Notes from the reviewer</dt>
          <dd>{a.adminNotes}</dd>
        </>
      )}
    </dl>
  );
}
