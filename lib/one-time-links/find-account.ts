import type { Db } from "../db/client";
import { ciEquals, column } from "../db/sql";

export interface LinkAccount {
  id: number;
  username: string;
  email: string;
  isActive: boolean;
  selfDeactivated: boolean;
}

/** The account whose email is `email` in any letter case (the unique index allows one). */
export async function accountByEmail(db: Db, email: string): Promise<LinkAccount | null> {
  const rows = await db.$queryRaw<LinkAccount[]>`
    SELECT "id", "username", "email", "isActive", "selfDeactivated" FROM "User"
    WHERE ${ciEquals(column("email"), email)}`;
  return rows[0] ?? null;
}
