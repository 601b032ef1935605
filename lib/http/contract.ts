import { z } from "zod";

// The old API's contract as data: each route folder has a contract.ts beside its route.ts
// describing what travels on the wire (app/api/openapi.json/ turns them into OpenAPI 3.1,
// /api-docs shows them). Request bodies reuse the use case's own schema from lib/ where
// the wire names are the domain's, or are built from its field schemas where the old API
// renames them: the rules stay in one place. Response bodies are strict objects, so a
// test parsing live answers with them notices any field that drifts.

export type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/** Who may call: anyone, a signed-in member (token or same-site session cookie), staff. */
export type Access = "anyone" | "member" | "staff";

export interface ResponseSpec {
  description: string;
  /** Absent: no JSON body (a redirect). */
  body?: z.ZodType;
  example?: unknown;
  headers?: Record<string, string>;
}

export interface Operation {
  method: Method;
  /** OpenAPI path template, with the old API's trailing slash: /api/users/invitations/{id}/cancel/ */
  path: string;
  summary: string;
  access: Access;
  request?: {
    body?: z.ZodType;
    query?: z.ZodObject;
    example?: unknown;
    /** Bodies may also be form-encoded (the old API took both). */
    form?: boolean;
    /** Bodies may also be multipart/form-data (file uploads). */
    multipart?: boolean;
  };
  responses: Record<number, ResponseSpec>;
}

/** A route's operations, one per method, type-checked. */
export function contract(...operations: Operation[]): Operation[] {
  return operations;
}

// ---- Shared reply shapes -------------------------------------------------------------

const fields = z.record(z.string(), z.string()).meta({ description: "A sentence per field, under the field's name as sent." });

/** Registration, login and the one-time-link routes answer refusals as {"error": …}. */
export const errorBody = z.strictObject({ error: z.string(), fields: fields.optional() }).meta({ id: "ErrorBody" });

/** Every other route answers refusals as {"detail": …}, as Django REST framework did. */
export const detailBody = z.strictObject({ detail: z.string(), fields: fields.optional() }).meta({ id: "DetailBody" });

/** Django REST framework's field errors: {"new_password": ["…"]}. */
export const fieldErrors = z.record(z.string(), z.array(z.string())).meta({ id: "FieldErrors" });

/** {"message": …} on success. */
export const messageBody = z.strictObject({ message: z.string() }).meta({ id: "MessageBody" });

const iso = z.iso.datetime({ offset: true });
export const isoTime = iso.meta({ description: "ISO 8601, UTC" });

type Key = "error" | "detail";
const bodyFor = (key: Key) => (key === "error" ? errorBody : detailBody);

/** The replies every JSON route may give besides its own (lib/http/route.ts, lib/http/body.ts). */
export function commonReplies(key: Key, opts: { body?: boolean; access?: Access; crossSite?: boolean; limited?: boolean } = {}): Record<number, ResponseSpec> {
  const body = bodyFor(key);
  const out: Record<number, ResponseSpec> = {};
  if (opts.access === "member" || opts.access === "staff") {
    out[401] = { description: "No credentials, or expired ones.", body, example: { [key]: "Authentication credentials were not provided." } };
  }
  if (opts.access === "staff") out[403] = { description: "Signed in, but not staff.", body, example: { [key]: "Admin permission required." } };
  if (opts.crossSite) out[403] = { description: "Posted by a page of another site.", body, example: { [key]: "Cross-site requests are not allowed." } };
  if (opts.body) {
    out[413] = { description: "Body over 64 KiB.", body, example: { [key]: "The request body must be at most 64 KiB." } };
    out[415] = { description: "Neither JSON nor form-encoded.", body };
  }
  if (opts.limited) {
    out[429] = { description: "Too many attempts; see Retry-After.", body, headers: { "Retry-After": "seconds" }, example: { [key]: "Too many attempts. Try again in 60 seconds." } };
  }
  out[500] = { description: "Unexpected fault (logged with the request id).", body };
  out[503] = { description: "Database unavailable or hashing at capacity; see Retry-After.", body, example: { [key]: "Service temporarily unavailable. Please try again." } };
  return out;
}

/** The documented schema for an answer with this status, if any. */
export function replySchema(op: Operation, status: number): z.ZodType | undefined {
  return op.responses[status]?.body;
}
