// Moved to lib/auth/who/request.ts (lib/auth by job). Kept only for the staff area (app/admin,
// lib/admin), which branch arch-staff rewrites: delete once it imports the new path.
export * from "./who/request";
