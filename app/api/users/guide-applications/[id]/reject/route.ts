import { rejectGuideApplication } from "@/lib/guide-applications/reject";
import { decisionRoute } from "../decision-route";

export const dynamic = "force-dynamic";

// Staff reject a pending application (optional `admin_notes`): 200 with the application;
// 409 "This application was already approved/rejected." when someone decided first.
export const POST = decisionRoute(rejectGuideApplication);
