import { legacyActor, type UseCaseContext } from "../use-case/context";
import { requireStaffFlag } from "../actor";
import { withTargetNames } from "../audit/names";
import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { getLimiters } from "../security/rate-limits";
import type { RateLimitConfig } from "../security/rate-limit-config";

// Staff: the dashboard's figures. A handful of aggregate queries, each answered by an
// index (counts over 100,000 members stay in milliseconds: see docs/admin.md).

export const CHART_DAYS = [30, 90] as const;
export type ChartDays = (typeof CHART_DAYS)[number];

function chartDaysOrDefault(input: unknown): ChartDays {
  const raw = input !== null && typeof input === "object" ? (input as { days?: unknown }).days : undefined;
  try {
    return parseChartDays(raw);
  } catch {
    return 30;
  }
}

export function parseChartDays(value: unknown): ChartDays {
  if (value === undefined || value === null || value === "") return 30;
  const n = typeof value === "string" ? Number(value) : value;
  if (n === 30 || n === 90) return n;
  throw new DomainError("invalid", "The chart covers 30 or 90 days.", 400);
}

export interface Overview {
  attention: {
    pendingApplications: number;
    failedEmails: number;
    /** Sign-in names (as typed; not accounts: see docs/rate-limits.md) over the per-account failure budget now. */
    slowedSignInNames: number;
    /** (name, address) pairs refused by the per-address failure limit now. */
    blockedSignInPairs: number;
  };
  /** The chart's span, as the use case read it from the input. */
  days: ChartDays;
  /** New members: UTC days, today included (what the linked list's joinedFrom filter shows). */
  counts: {
    members: number;
    newIn7Days: number;
    newIn30Days: number;
    activeGuides: number;
    verifiedEmails: number;
    invitationsThisMonth: number;
  };
  /** Sign-ups per UTC day, oldest first, every day present (0 when none). */
  signups: { day: string; count: number }[];
  /** The first day of this month (UTC), for the invitations link. */
  monthStart: string;
  today: string;
}

/** Counters that say "this name is being guessed at" (the RateLimit table's own keys). */
async function slowedSignIns(db: Db, config: RateLimitConfig): Promise<{ names: number; pairs: number }> {
  if (!config.enabled) return { names: 0, pairs: 0 };
  const rows = await db.$queryRaw<{ names: number; pairs: number }[]>`
    SELECT
      count(*) FILTER (WHERE "key" LIKE ${`${config.prefix}:login_account:%`} AND "points" >= ${config.loginPerAccount.maxFailures})::int AS "names",
      count(*) FILTER (WHERE "key" LIKE ${`${config.prefix}:login_user_ip:%`} AND "points" > ${config.loginPerUserAndIp.points})::int AS "pairs"
    FROM "RateLimit"
    WHERE ("key" LIKE ${`${config.prefix}:login_account:%`} OR "key" LIKE ${`${config.prefix}:login_user_ip:%`})
      AND ("expire" IS NULL OR "expire" > (extract(epoch FROM now()) * 1000)::bigint)`;
  return { names: rows[0]?.names ?? 0, pairs: rows[0]?.pairs ?? 0 };
}

/**
 * Staff: the overview's figures. `input.days` is the chart's span: 30 or 90, and anything
 * else (a hand-edited ?days=7) the default 30 rather than a refusal. `config` names the
 * rate-limit counters to read (tests pass their own).
 */
export async function getOverview(input: unknown, ctx: UseCaseContext, config: RateLimitConfig = getLimiters().config): Promise<Overview> {
  requireStaffFlag(legacyActor(ctx));
  const { db } = ctx;
  const days = chartDaysOrDefault(input);
  const [[counts], signups, slowed] = await Promise.all([
    db.$queryRaw<(Overview["counts"] & { pendingApplications: number; failedEmails: number; monthStart: string; today: string })[]>`
      SELECT
        (SELECT count(*) FROM "User")::int AS "members",
        (SELECT count(*) FROM "User" WHERE "dateJoined" >= ((now() AT TIME ZONE 'UTC')::date - 6)::timestamp AT TIME ZONE 'UTC')::int AS "newIn7Days",
        (SELECT count(*) FROM "User" WHERE "dateJoined" >= ((now() AT TIME ZONE 'UTC')::date - 29)::timestamp AT TIME ZONE 'UTC')::int AS "newIn30Days",
        (SELECT count(*) FROM "Profile" WHERE "activeGuide")::int AS "activeGuides",
        (SELECT count(*) FROM "User" WHERE "emailVerifiedAt" IS NOT NULL)::int AS "verifiedEmails",
        (SELECT count(*) FROM "TeacherInvitation" WHERE "createdAt" >= date_trunc('month', now() AT TIME ZONE 'UTC') AT TIME ZONE 'UTC')::int AS "invitationsThisMonth",
        (SELECT count(*) FROM "GuideApplication" WHERE "status" = 'pending')::int AS "pendingApplications",
        (SELECT count(*) FROM "Outbox" WHERE "status" = 'failed')::int AS "failedEmails",
        to_char(date_trunc('month', now() AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS "monthStart",
        to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS "today"`,
    db.$queryRaw<{ day: string; count: number }[]>`
      SELECT to_char(d.day, 'YYYY-MM-DD') AS "day", coalesce(c.n, 0)::int AS "count"
      FROM generate_series((now() AT TIME ZONE 'UTC')::date - ${days - 1}::int, (now() AT TIME ZONE 'UTC')::date, interval '1 day') AS d(day)
      LEFT JOIN (
        SELECT ("dateJoined" AT TIME ZONE 'UTC')::date AS day, count(*) AS n
        FROM "User"
        WHERE "dateJoined" >= ((now() AT TIME ZONE 'UTC')::date - ${days - 1}::int)::timestamp AT TIME ZONE 'UTC'
        GROUP BY 1
      ) c ON c.day = d.day::date
      ORDER BY d.day`,
    slowedSignIns(db, config),
  ]);
  const { pendingApplications, failedEmails, monthStart, today, ...rest } = counts;
  return {
    attention: { pendingApplications, failedEmails, slowedSignInNames: slowed.names, blockedSignInPairs: slowed.pairs },
    counts: rest,
    signups,
    days,
    monthStart,
    today,
  };
}

/** The newest audit events for the overview (no total: counting 200,000 rows is not free). No input. */
export async function latestAuditEvents(_input: unknown, ctx: UseCaseContext, take = 10) {
  requireStaffFlag(legacyActor(ctx));
  const { db } = ctx;
  const rows = await db.auditLog.findMany({
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take,
    select: { id: true, action: true, targetType: true, targetId: true, createdAt: true, actor: { select: { id: true, username: true } } },
  });
  return withTargetNames(db, rows);
}
