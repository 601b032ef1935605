import { z } from "zod";
import { safeNextPath } from "../auth/who/next-path";
import { LOCALES } from "./config";

// The header's language form: the language asked for and the page to go back to.
export const switchLanguageSchema = z
  .looseObject(
    {
      locale: z.enum(LOCALES, { error: "Choose English or Japanese." }),
      // Anything but a path on this site goes back to the home page.
      next: z.unknown().transform((v) => safeNextPath(v, "/")),
    },
    { error: "Choose English or Japanese." },
  )
  .transform(({ locale, next }) => ({ locale, next }));
