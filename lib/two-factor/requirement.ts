import type { Db } from "../db/client";
import { DomainError } from "../errors";
import { twoFactorRequirement } from "./policy";
import { secondFactorMethods } from "./status";

// REQUIRE_2FA in force: a covered member without a second factor is sent to set one up
// after signing in, and a staff member without one is refused every staff page, action
// and route until enrolled (the guards in lib/auth call staffLacksSecondFactor).

export const SECOND_FACTOR_REQUIRED =
  "Two-factor authentication is required for staff: set up an authenticator app on your security page (/account/security) first.";

/** Whether REQUIRE_2FA covers this member and they have no second factor yet. */
export async function mustSetUpSecondFactor(db: Db, user: { id: number; isStaff: boolean }): Promise<boolean> {
  const requirement = twoFactorRequirement();
  if (requirement === "off") return false;
  if (requirement === "staff" && !user.isStaff) return false;
  if (requirement === "guides" && !user.isStaff) {
    const profile = await db.profile.findUnique({ where: { userId: user.id }, select: { activeGuide: true } });
    if (!profile?.activeGuide) return false;
  }
  return (await secondFactorMethods(db, user.id)).length === 0;
}

/** A staff member the requirement refuses (non-staff are refused by the staff guards anyway). */
export async function staffLacksSecondFactor(db: Db, user: { id: number; isStaff: boolean }): Promise<boolean> {
  return user.isStaff && (await mustSetUpSecondFactor(db, user));
}

export function secondFactorRequired(): DomainError {
  return new DomainError("second_factor_required", SECOND_FACTOR_REQUIRED, 403);
}
