import { approveGuideApplication } from "@/lib/guide-applications/approve";
import { decisionRoute } from "../decision-route";

export const dynamic = "force-dynamic";

// Staff approve a pending application (optional `admin_notes`): 200 with the application;
// 409 "This application was already approved/rejected." when someone decided first.
export const POST = decisionRoute(approveGuideApplication);
