import { requireUserRequest } from "@/lib/auth/request";
import { getDb } from "@/lib/db/client";
import { json, jsonRoute } from "@/lib/http/route";
import { getOwnProfile } from "@/lib/users/get-profile";

export const dynamic = "force-dynamic";

// The caller's own profile, in the old API's snake_case.
export const GET = jsonRoute(
  { errorKey: "detail", faultMessage: "An unexpected error occurred.", faultEvent: "profile.error" },
  async (req) => {
    const user = await requireUserRequest(req);
    const p = await getOwnProfile(getDb(), user.id);
    return json(200, {
      id: p.id,
      username: p.username,
      email: p.email ?? "", // the old API's blank email, for an account imported without one
      role: p.role,
      bio: p.bio ?? "",
      display_name: p.displayName ?? "",
      active_guide: p.activeGuide,
      can_invite_teachers: p.canInviteTeachers,
      is_staff: p.isStaff,
      date_joined: p.dateJoined.toISOString(),
    });
  },
);
