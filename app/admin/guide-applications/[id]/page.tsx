import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireStaff } from "@/lib/auth/who/current-user";
import { isDomainError } from "@/lib/errors";
import { ADMIN_NOTES_MAX } from "@/lib/guide-applications/decision-schema";
import { getGuideApplication } from "@/lib/guide-applications/list";
import { DateTime } from "../../../components/date-time";
import { DecisionPanel } from "../decision-panel";
import { pageContext } from "../../../components/acting-context";

export const metadata: Metadata = { title: "Guide application" };

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

  return (
    <section className="card">
      <p>
        <Link href="/admin/guide-applications">← All guide applications</Link>
      </p>
      <h1>Application from {a.applicant.username}</h1>
      <dl className="details" aria-label="Application">
        <dt>Status</dt>
        <dd>{a.status}</dd>
        <dt>Applicant</dt>
        <dd>
          {a.applicant.username} ({a.applicant.email ?? "no usable email"})
        </dd>
        <dt>Sent</dt>
        <dd>
          <DateTime value={a.createdAt} />
        </dd>
        <dt>Subjects</dt>
        <dd>{a.subjectsToTeach}</dd>
        <dt>Referred by</dt>
        <dd>{a.referredBy?.username ?? "—"}</dd>
        <dt>Motivation</dt>
        <dd>{a.motivation}</dd>
        <dt>Experience</dt>
        <dd>{a.experience ?? "—"}</dd>
        {a.status !== "pending" && (
          <>
            <dt>Decided by</dt>
            <dd>{a.reviewedBy?.username ?? "—"}</dd>
            <dt>Decided</dt>
            <dd>
              <DateTime value={a.reviewedAt} />
            </dd>
            <dt>Notes</dt>
            <dd>{a.adminNotes ?? "—"}</dd>
          </>
        )}
      </dl>
      <DecisionPanel applicationId={a.id} pending={a.status === "pending"} notesMax={ADMIN_NOTES_MAX} />
    </section>
  );
}
