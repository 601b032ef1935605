import type { Db } from "../db/client";
import type { Role } from "./register-schema";
import { ciEquals, column } from "../db/sql";

export interface UserRecord {
  id: number;
  username: string;
  /** null: no usable email (an account imported from Django; signs in by username). */
  email: string | null;
  passwordHash: string;
  isActive: boolean;
  isStaff: boolean;
  dateJoined: Date;
  lastLogin: Date | null;
  /** null only if the database's "every user has a profile" guarantee were broken. */
  role: Role | null;
  bio: string | null;
  displayName: string | null;
  activeGuide: boolean | null;
  canInviteTeachers: boolean | null;
}

/**
 * The one user whose username or email is `identifier`, in any letter case: one lookup
 * in SignInIdentifier, whose unique index (the same ICU expression as the User indexes)
 * lets a string name at most one account (20261201000100_sign_in_identifiers). Sign-in,
 * staff and the operator CLI all resolve names here.
 */
export async function findUserByLogin(db: Db, identifier: string): Promise<UserRecord | null> {
  const rows = await db.$queryRaw<UserRecord[]>`
    SELECT u."id", u."username", u."email", u."passwordHash", u."isActive", u."isStaff",
           u."dateJoined", u."lastLogin", p."role"::text AS "role", p."bio", p."displayName",
           p."activeGuide", p."canInviteTeachers"
    FROM "SignInIdentifier" i
    JOIN "User" u ON u."id" = i."userId"
    LEFT JOIN "Profile" p ON p."userId" = u."id"
    WHERE ${ciEquals(column("i.identifier"), identifier)}`;
  return rows[0] ?? null;
}

/** The most recently joined user (the operator's `user latest`). */
export async function findLatestUser(db: Db): Promise<UserRecord | null> {
  const latest = await db.user.findFirst({ orderBy: [{ dateJoined: "desc" }, { id: "desc" }], select: { id: true } });
  if (!latest) return null;
  const rows = await db.$queryRaw<UserRecord[]>`
    SELECT u."id", u."username", u."email", u."passwordHash", u."isActive", u."isStaff",
           u."dateJoined", u."lastLogin", p."role"::text AS "role", p."bio", p."displayName",
           p."activeGuide", p."canInviteTeachers"
    FROM "User" u LEFT JOIN "Profile" p ON p."userId" = u."id"
    WHERE u."id" = ${latest.id}`;
  return rows[0] ?? null;
}
