import { commonReplies, contract, detailBody } from "@/lib/http/contract";
import { preferencesPatchSchema } from "@/lib/profiles/preferences-schema";
import { preferencesExample, preferencesReply } from "../profile/shape";

const update = (method: "PUT" | "PATCH") =>
  ({
    method,
    path: "/api/users/preferences/",
    summary: "Change the study preferences given (PUT is partial too, as live).",
    access: "member",
    request: { body: preferencesPatchSchema, form: true, example: { languages_spoken: ["en", "ja"], report_language: "ja" } },
    responses: {
      200: { description: "The preferences after the change.", body: preferencesReply, example: preferencesExample },
      400: { description: "Invalid input (per-field `fields`).", body: detailBody, example: { detail: "native_language must be one of en, ja, es, fr, de, zh, ko." } },
      ...commonReplies("detail", { access: "member", body: true }),
    },
  }) as const;

export default contract(
  {
    method: "GET",
    path: "/api/users/preferences/",
    summary: "The caller's study preferences (the live UserPreference).",
    access: "member",
    responses: { 200: { description: "The preferences.", body: preferencesReply, example: preferencesExample }, ...commonReplies("detail", { access: "member" }) },
  },
  update("PATCH"),
  update("PUT"),
);
