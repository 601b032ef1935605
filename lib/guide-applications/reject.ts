import type { Actor } from "../actor";
import type { Db } from "../db/client";
import { logger, type Logger } from "../log/logger";
import { decideGuideApplication, type DecisionResult } from "./decide";

/**
 * Staff reject a pending application, with optional notes the applicant can read;
 * the applicant may apply again. Input: guideApplicationDecisionSchema.
 */
export function rejectGuideApplication(input: unknown, actor: Actor, db: Db, log: Logger = logger): Promise<DecisionResult> {
  return decideGuideApplication("rejected", input, actor, db, log);
}
