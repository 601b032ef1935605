import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireStaff } from "@/lib/auth/who/current-user";
import { MEMBER_CLIENT_NAMESPACES, STAFF_CLIENT_NAMESPACES } from "@/lib/i18n/config";
import { ClientMessages } from "../components/client-messages";
import styles from "./admin.module.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("areaTitle"), robots: { index: false } };
}

// The first guard of the staff area: anonymous visitors go to /login?next=…, signed-in
// non-staff get the 403 page. It is not the only one: layouts do not re-run on every
// client navigation, and actions and routes can be called directly, so every staff page,
// action and route checks again (requireStaff / requireStaffAction / requireStaffRequest).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireStaff();
  const t = await getTranslations("admin");
  return (
    <div className={`admin ${styles.area}`}>
      <nav aria-label={t("navLabel")} className={styles.nav}>
        <Link href="/admin">{t("navOverview")}</Link>
        <Link href="/admin/users">{t("navMembers")}</Link>
        <Link href="/admin/guide-applications">{t("navGuideApplications")}</Link>
        <Link href="/admin/outbox">{t("navOutbox")}</Link>
        <Link href="/admin/invitations">{t("navInvitations")}</Link>
        <Link href="/admin/audit">{t("navAudit")}</Link>
      </nav>
      {/* The staff forms' sentences, sent with the staff pages only (lib/i18n/config.ts). */}
      <ClientMessages namespaces={[...MEMBER_CLIENT_NAMESPACES, ...STAFF_CLIENT_NAMESPACES]}>{children}</ClientMessages>
    </div>
  );
}
