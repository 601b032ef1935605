import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { isSuperuser } from "@/lib/actor";
import { getUserDetail } from "@/lib/admin/user-detail";
import { requireStaff } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { twoFactorStatusOf } from "@/lib/two-factor/status";
import { AccountSection } from "./account-section";
import { ActionsSection } from "./actions-section";
import { DevicesSection } from "./devices-section";
import { HistorySection } from "./history-section";
import { ProfileSection } from "./profile-section";
import { RelatedSection } from "./related-section";
import { pageContext } from "../../../components/acting-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("adminUsers");
  return { title: t("memberTitle") };
}

export default async function UserPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const detail = await getUserDetail(id, await pageContext(staff)).catch((err) => {
    // A hand-typed /admin/users/abc or an id nobody has: the 404 page, not a 500.
    if (isDomainError(err) && (err.status === 404 || err.status === 400)) notFound();
    throw err;
  });
  const { user } = detail;
  const t = await getTranslations("adminUsers");
  return (
    <section className="card">
      <p>
        <Link href="/admin/users">{t("backToMembers")}</Link>
      </p>
      <h1>{user.username}</h1>
      <AccountSection user={user} twoFactor={await twoFactorStatusOf(getDb(), user.id)} />
      <ProfileSection profile={user.profile} />
      <ActionsSection user={user} viewer={{ id: staff.id, isSuperuser: await isSuperuser(getDb(), staff.id) }} />
      <DevicesSection devices={detail.devices} />
      <RelatedSection applications={detail.applications} invitationsSent={detail.invitationsSent} invitationsReceived={detail.invitationsReceived} />
      <HistorySection user={user} audit={detail.audit} />
    </section>
  );
}
