import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { getOverview, latestAuditEvents } from "@/lib/admin/overview";
import { requireStaff } from "@/lib/auth/who/current-user";
import { first, type SearchParams } from "../components/search-params";
import { Table } from "../components/table";
import styles from "./admin.module.css";
import { AuditCells } from "./audit-cells";
import { SignupChart } from "./signup-chart";
import { pageContext } from "../components/acting-context";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin");
  return { title: t("areaTitle") };
}

const daysAgo = (today: string, n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** One figure with its words, which agree with it (the catalogue's ICU plural: "1 verified email", "2 verified emails"). */
function Tile({ href, body, value, attention }: { href?: string; body: React.ReactNode; value: number; attention?: boolean }) {
  return <li className={`${styles.tile} ${attention && value > 0 ? styles.attention : ""}`}>{href ? <Link href={href}>{body}</Link> : body}</li>;
}

export default async function AdminHome({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff("/admin");
  const ctx = await pageContext(staff);
  // The use case reads the chart's span (a hand-edited ?days=7 shows the default chart).
  const [o, audit] = await Promise.all([getOverview({ days: first((await searchParams).days) }, ctx), latestAuditEvents({}, ctx)]);
  const days = o.days;
  const { attention: a, counts: c } = o;
  const t = await getTranslations("admin");
  const b = (figure: React.ReactNode) => <strong>{figure}</strong>;
  return (
    <section className="card">
      <h1>{t("areaTitle")}</h1>
      <p>
        <Link href="/admin/users">{t("findMember")}</Link>
      </p>

      <h2>{t("needsAttention")}</h2>
      <ul className={styles.grid}>
        <Tile attention href="/admin/guide-applications?status=pending" body={t.rich("pendingApplications", { count: a.pendingApplications, b })} value={a.pendingApplications} />
        <Tile attention href="/admin/outbox?status=failed" body={t.rich("failedEmails", { count: a.failedEmails, b })} value={a.failedEmails} />
        {/* Counted by the name typed, never by account (docs/rate-limits.md): no list to link to. */}
        <Tile attention body={t.rich("slowedSignInNames", { count: a.slowedSignInNames, b })} value={a.slowedSignInNames} />
        <Tile attention body={t.rich("blockedSignInPairs", { count: a.blockedSignInPairs, b })} value={a.blockedSignInPairs} />
      </ul>

      <h2>{t("membersHeading")}</h2>
      <ul className={styles.grid}>
        <Tile href="/admin/users" body={t.rich("members", { count: c.members, b })} value={c.members} />
        <Tile href={`/admin/users?joinedFrom=${daysAgo(o.today, 6)}`} body={t.rich("newIn7Days", { count: c.newIn7Days, b })} value={c.newIn7Days} />
        <Tile href={`/admin/users?joinedFrom=${daysAgo(o.today, 29)}`} body={t.rich("newIn30Days", { count: c.newIn30Days, b })} value={c.newIn30Days} />
        <Tile href="/admin/users?guide=yes" body={t.rich("activeGuides", { count: c.activeGuides, b })} value={c.activeGuides} />
        <Tile href="/admin/users?verified=yes" body={t.rich("verifiedEmails", { count: c.verifiedEmails, b })} value={c.verifiedEmails} />
        <Tile href={`/admin/invitations?sentFrom=${o.monthStart}`} body={t.rich("invitationsThisMonth", { count: c.invitationsThisMonth, b })} value={c.invitationsThisMonth} />
      </ul>

      <h2>{t("signupsPerDay")}</h2>
      <p>
        {days === 30 ? <strong>{t("days30")}</strong> : <Link href="/admin?days=30">{t("days30")}</Link>} ·{" "}
        {days === 90 ? <strong>{t("days90")}</strong> : <Link href="/admin?days=90">{t("days90")}</Link>}
      </p>
      <SignupChart data={o.signups} />

      <h2>{t("latestAudit")}</h2>
      <Table columns={[t("colWhen"), t("colWho"), t("colWhat"), t("colAbout")]}>
        {audit.map((e) => (
          <tr key={e.id}>
            <AuditCells event={e} />
          </tr>
        ))}
      </Table>
      <p>
        <Link href="/admin/audit">{t("wholeAuditLog")}</Link>
      </p>
    </section>
  );
}
