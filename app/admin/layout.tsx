import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/lib/auth/who/current-user";
import styles from "./admin.module.css";

export const metadata: Metadata = { title: "Staff area", robots: { index: false } };

// The first guard of the staff area: anonymous visitors go to /login?next=…, signed-in
// non-staff get the 403 page. It is not the only one: layouts do not re-run on every
// client navigation, and actions and routes can be called directly, so every staff page,
// action and route checks again (requireStaff / requireStaffAction / requireStaffRequest).
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  await requireStaff();
  return (
    <div className={`admin ${styles.area}`}>
      <nav aria-label="Staff area" className={styles.nav}>
        <Link href="/admin">Overview</Link>
        <Link href="/admin/users">Members</Link>
        <Link href="/admin/guide-applications">Guide applications</Link>
        <Link href="/admin/outbox">Outbox</Link>
        <Link href="/admin/invitations">Invitations</Link>
        <Link href="/admin/audit">Audit log</Link>
      </nav>
      {children}
    </div>
  );
}
