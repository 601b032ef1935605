import type { UseCaseContext } from "../use-case/context";
import { decideGuideApplication, withDecision, type DecisionResult } from "./decide";

/**
 * Staff reject a pending application, with optional notes the applicant can read;
 * the applicant may apply again. Input: guideApplicationDecisionSchema.
 */
export function rejectGuideApplication(input: unknown, ctx: UseCaseContext): Promise<DecisionResult> {
  return decideGuideApplication(withDecision(input, "reject"), ctx);
}
