import { DomainError, isDomainError } from "../errors";
import { MAX_PAGE_SIZE, type Page } from "../validation/pagination";
import { NOT_FOUND } from "./messages";
import type { GuideApplicationView } from "./view";

// The old JSON API speaks snake_case; the domain speaks camelCase. Every translation
// between the two, in and out, lives here so the routes stay thin and agree.

/** An application as the old API's clients read it. */
export interface GuideApplicationApi {
  id: number;
  user: number;
  username: string;
  motivation: string;
  experience: string;
  subjects_to_teach: string;
  referred_by: number | null;
  referred_by_username: string | null;
  status: GuideApplicationView["status"];
  reviewed_by: number | null;
  reviewed_by_username: string | null;
  reviewed_at: string | null;
  admin_notes: string;
  created_at: string;
  updated_at: string;
}

// Related users are their ids, as Django REST framework's ModelSerializer wrote foreign
// keys; the *_username fields spare clients a second request. Empty text is "" (Django's
// blank TextField), never null.
export function toApiShape(a: GuideApplicationView): GuideApplicationApi {
  return {
    id: a.id,
    user: a.applicant.id,
    username: a.applicant.username,
    motivation: a.motivation,
    experience: a.experience ?? "",
    subjects_to_teach: a.subjectsToTeach,
    referred_by: a.referredBy?.id ?? null,
    referred_by_username: a.referredBy?.username ?? null,
    status: a.status,
    reviewed_by: a.reviewedBy?.id ?? null,
    reviewed_by_username: a.reviewedBy?.username ?? null,
    reviewed_at: a.reviewedAt?.toISOString() ?? null,
    admin_notes: a.adminNotes ?? "",
    created_at: a.createdAt.toISOString(),
    updated_at: a.updatedAt.toISOString(),
  };
}

const API_TO_DOMAIN = {
  motivation: "motivation",
  experience: "experience",
  subjects_to_teach: "subjectsToTeach",
  referred_by: "referredBy",
  admin_notes: "adminNotes",
  application_id: "applicationId",
} as const;

const DOMAIN_TO_API: Record<string, string> = Object.fromEntries(Object.entries(API_TO_DOMAIN).map(([api, domain]) => [domain, api]));

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * A POST body of the old API as the domain's submit input. Anything that is not an
 * object goes through unchanged, so the domain's schema words the refusal.
 */
export function submissionFromApi(body: unknown): unknown {
  if (!isObject(body)) return body;
  return {
    motivation: body.motivation,
    experience: body.experience,
    subjectsToTeach: body.subjects_to_teach,
    referredBy: body.referred_by,
  };
}

/** Approve/reject: the id from the path, optional `admin_notes` from the body. */
export function decisionFromApi(applicationId: number, body: unknown): unknown {
  if (!isObject(body)) return body;
  return { applicationId, adminNotes: body.admin_notes };
}

/**
 * A domain refusal with per-field messages keyed the way the client sent them
 * (`subjects_to_teach`, not `subjectsToTeach`); anything else passes through.
 */
export function withApiFieldNames(err: unknown): unknown {
  if (!isDomainError(err) || !err.fields) return err;
  const fields = Object.fromEntries(Object.entries(err.fields).map(([k, v]) => [DOMAIN_TO_API[k] ?? k, v]));
  return new DomainError(err.code, err.message, err.status, fields);
}

/**
 * The `<id>` of /api/users/guide-applications/<id>/…: anything but a plain positive
 * number names no application, so it is the same 404 as an unknown id.
 */
export function applicationIdFromPath(raw: string | undefined): number {
  const id = raw !== undefined && /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
  if (!Number.isSafeInteger(id) || id < 1 || id > 2_147_483_647) throw NOT_FOUND();
  return id;
}

/** The staff list's query (`?status=`, `?applicant=`, `?page=`, `?page_size=`, default and maximum 100) as the list's input. */
export function listQueryFromApi(query: URLSearchParams): unknown {
  return { status: query.get("status"), applicant: query.get("applicant"), page: query.get("page"), pageSize: query.get("page_size") ?? MAX_PAGE_SIZE };
}

/**
 * The list's headers: X-Total-Count, and a Link header (rel="next"/"prev") with the
 * caller's own query when there is more.
 */
export function listHeaders(url: URL, page: Page<unknown>): Record<string, string> {
  const link = (n: number, rel: string) => {
    const target = new URLSearchParams(url.searchParams);
    target.set("page", String(n));
    return `<${url.pathname}?${target}>; rel="${rel}"`;
  };
  const links = [page.page < page.pageCount && link(page.page + 1, "next"), page.page > 1 && link(page.page - 1, "prev")].filter(Boolean);
  const headers: Record<string, string> = { "X-Total-Count": String(page.total) };
  if (links.length) headers.Link = links.join(", ");
  return headers;
}
