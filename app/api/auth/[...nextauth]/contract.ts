import { z } from "zod";
import { contract } from "@/lib/http/contract";

// next-auth's own endpoints (its wire, not ours): listed so the document covers every
// route, described only as far as the site's pages use them.
export default contract(
  {
    method: "GET",
    path: "/api/auth/session",
    summary: "next-auth: the browser's session ({} when signed out).",
    access: "anyone",
    responses: { 200: { description: "The session, or {}.", body: z.record(z.string(), z.unknown()) } },
  },
  {
    method: "GET",
    path: "/api/auth/csrf",
    summary: "next-auth: the CSRF token its forms post back.",
    access: "anyone",
    responses: { 200: { description: "The token.", body: z.object({ csrfToken: z.string() }) } },
  },
  {
    method: "GET",
    path: "/api/auth/providers",
    summary: "next-auth: the sign-in providers configured.",
    access: "anyone",
    responses: { 200: { description: "Providers by id.", body: z.record(z.string(), z.unknown()) } },
  },
  {
    method: "POST",
    path: "/api/auth/callback/credentials",
    summary: "next-auth: sign in with the Credentials provider (form-encoded, with csrfToken); answers with a redirect.",
    access: "anyone",
    responses: { 302: { description: "To the callback URL, or to /login with an error." } },
  },
  {
    method: "POST",
    path: "/api/auth/signout",
    summary: "next-auth: sign out (form-encoded, with csrfToken); answers with a redirect.",
    access: "anyone",
    responses: { 302: { description: "To the callback URL." } },
  },
);
