import type { Actor } from "../actor";
import type { Db } from "../db/client";
import { logger, type Logger } from "../log/logger";
import { decideGuideApplication, type DecisionResult } from "./decide";

/**
 * Staff approve a pending application: the applicant's profile becomes `both` (from
 * explorer) or `guide`, with activeGuide on and canInviteTeachers off.
 * Input: guideApplicationDecisionSchema ({ applicationId, adminNotes? }).
 */
export function approveGuideApplication(input: unknown, actor: Actor, db: Db, log: Logger = logger): Promise<DecisionResult> {
  return decideGuideApplication("approved", input, actor, db, log);
}
