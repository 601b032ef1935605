import { ConfigError, type Env } from "../config/deployment";

// REQUIRE_2FA: who must have a second factor (issue 20 point 5). Staff by default:
// they approve teachers, sign anyone out and view as anyone.

export type Requirement = "staff" | "guides" | "all" | "off";
const VALUES: Requirement[] = ["staff", "guides", "all", "off"];

export function twoFactorRequirement(env: Env = process.env): Requirement {
  const raw = (env.REQUIRE_2FA ?? "").trim().toLowerCase();
  if (raw === "") return "staff";
  if ((VALUES as string[]).includes(raw)) return raw as Requirement;
  throw new ConfigError(`REQUIRE_2FA must be one of staff, guides, all or off (got "${env.REQUIRE_2FA}").`);
}

export function isTwoFactorRequired(who: { isStaff: boolean; activeGuide: boolean }, env: Env = process.env): boolean {
  switch (twoFactorRequirement(env)) {
    case "off":
      return false;
    case "all":
      return true;
    case "guides":
      return who.isStaff || who.activeGuide;
    case "staff":
      return who.isStaff;
  }
}
