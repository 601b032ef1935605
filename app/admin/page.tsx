import type { Metadata } from "next";
import Link from "next/link";
import { wordsFor } from "@/lib/admin/plural";
import { getOverview, latestAuditEvents, parseChartDays, type ChartDays } from "@/lib/admin/overview";
import { requireStaff } from "@/lib/auth/who/current-user";
import { getDb } from "@/lib/db/client";
import { isDomainError } from "@/lib/errors";
import { first, type SearchParams } from "../components/search-params";
import { Table } from "../components/table";
import styles from "./admin.module.css";
import { AuditCells } from "./audit-cells";
import { SignupChart } from "./signup-chart";

export const metadata: Metadata = { title: "Staff area" };

const daysAgo = (today: string, n: number) => new Date(Date.parse(`${today}T00:00:00Z`) - n * 86_400_000).toISOString().slice(0, 10);

/** One figure with its words, singular or plural to match ("1 verified email", "2 verified emails"). */
function Tile({ href, label, value, attention }: { href?: string; label: [one: string, many: string]; value: number; attention?: boolean }) {
  const body = (
    <>
      <strong>{value}</strong> {wordsFor(value, ...label)}
    </>
  );
  return <li className={`${styles.tile} ${attention && value > 0 ? styles.attention : ""}`}>{href ? <Link href={href}>{body}</Link> : body}</li>;
}

export default async function AdminHome({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const staff = await requireStaff("/admin");
  let days: ChartDays = 30;
  try {
    days = parseChartDays(first((await searchParams).days));
  } catch (err) {
    if (!isDomainError(err)) throw err; // a hand-edited ?days=7 shows the default chart
  }
  const [o, audit] = await Promise.all([getOverview(days, staff, getDb()), latestAuditEvents(staff, getDb())]);
  const { attention: a, counts: c } = o;
  return (
    <section className="card">
      <h1>Staff area</h1>
      <p>
        <Link href="/admin/users">Find a member</Link>
      </p>

      <h2>Needs attention</h2>
      <ul className={styles.grid}>
        <Tile attention href="/admin/guide-applications?status=pending" label={["guide application waiting for a decision", "guide applications waiting for a decision"]} value={a.pendingApplications} />
        <Tile attention href="/admin/outbox?status=failed" label={["email that could not be sent", "emails that could not be sent"]} value={a.failedEmails} />
        {/* Counted by the name typed, never by account (docs/rate-limits.md): no list to link to. */}
        <Tile attention label={["account name with many wrong passwords: sign-in slowed down", "account names with many wrong passwords: sign-in slowed down"]} value={a.slowedSignInNames} />
        <Tile attention label={["sign-in blocked for one network after wrong passwords", "sign-ins blocked for one network after wrong passwords"]} value={a.blockedSignInPairs} />
      </ul>

      <h2>Members</h2>
      <ul className={styles.grid}>
        <Tile href="/admin/users" label={["member", "members"]} value={c.members} />
        <Tile href={`/admin/users?joinedFrom=${daysAgo(o.today, 6)}`} label={["new member in the last 7 days", "new members in the last 7 days"]} value={c.newIn7Days} />
        <Tile href={`/admin/users?joinedFrom=${daysAgo(o.today, 29)}`} label={["new member in the last 30 days", "new members in the last 30 days"]} value={c.newIn30Days} />
        <Tile href="/admin/users?guide=yes" label={["active guide", "active guides"]} value={c.activeGuides} />
        <Tile href="/admin/users?verified=yes" label={["verified email", "verified emails"]} value={c.verifiedEmails} />
        <Tile href={`/admin/invitations?sentFrom=${o.monthStart}`} label={["teacher invitation sent this month", "teacher invitations sent this month"]} value={c.invitationsThisMonth} />
      </ul>

      <h2>Sign-ups per day</h2>
      <p>
        {days === 30 ? <strong>30 days</strong> : <Link href="/admin?days=30">30 days</Link>} ·{" "}
        {days === 90 ? <strong>90 days</strong> : <Link href="/admin?days=90">90 days</Link>}
      </p>
      <SignupChart data={o.signups} />

      <h2>Latest audit events</h2>
      <Table columns={["When", "Who", "What", "About"]}>
        {audit.map((e) => (
          <tr key={e.id}>
            <AuditCells event={e} />
          </tr>
        ))}
      </Table>
      <p>
        <Link href="/admin/audit">The whole audit log</Link>
      </p>
    </section>
  );
}
