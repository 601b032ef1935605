import type { UseCaseContext } from "../use-case/context";
import { decideGuideApplication, withDecision, type DecisionResult } from "./decide";

/**
 * Staff approve a pending application: the applicant's profile becomes `both` (from
 * explorer) or `guide`, with activeGuide on and canInviteTeachers off.
 * Input: guideApplicationDecisionSchema ({ applicationId, adminNotes? }).
 */
export function approveGuideApplication(input: unknown, ctx: UseCaseContext): Promise<DecisionResult> {
  return decideGuideApplication(withDecision(input, "approve"), ctx);
}
