import { z } from "zod";
import { drfFieldErrors } from "../password-reset/api-shape";

// The JSON API's shapes for the email change (app/api/users/email-change/): refusals of
// one field in Django REST framework's shape like the other account routes, any other
// refusal as the route's one sentence (lib/http/route.ts).

export const emailChangeFieldErrors = drfFieldErrors;

/** What a link's page posts back, as the API documents it (the use case checks the parts). */
export const emailChangeLinkBody = z.strictObject({ uid: z.string(), token: z.string() });
