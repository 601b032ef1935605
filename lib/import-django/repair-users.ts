import { BIO_MAX, DISPLAY_NAME_MAX, EMAIL_MAX, NAME_MAX, USERNAME_MAX } from "../users/field-limits";
import { emailSchema } from "../users/register-schema";
import { cleanOptional, cleanText, type Conflicts } from "./conflicts";
import { DEFAULT_DETAILS, repairProfileDetails, type ProfileDetails } from "./repair-profile-details";
import { isWeakLegacyHash, RESET_REQUIRED_HASH } from "../users/legacy-hashers";
import type { LegacyProfile, LegacyUser } from "./types";

// The old users and profiles as this system takes them, with the old defects repaired
// (issue 12, point 5). Pure: the same old rows always give the same result, so a re-run
// computes the same repairs and writes nothing new.

export interface UserRow {
  id: number;
  username: string;
  email: string | null;
  legacyEmail: string | null;
  passwordHash: string;
  isStaff: boolean;
  isActive: boolean;
  dateJoined: Date;
  lastLogin: Date | null;
}

export interface ProfileRow {
  /** The old profile's id; null when the old user had none (a new one is made). */
  id: number | null;
  userId: number;
  role: "explorer" | "guide" | "both";
  bio: string | null;
  displayName: string | null;
  /** auth_user's first_name/last_name: Django keeps them on the user, this system on the profile. */
  firstName: string | null;
  lastName: string | null;
  activeGuide: boolean;
  canInviteTeachers: boolean;
  createdAt: Date;
  updatedAt: Date;
  /** The live Profile's later columns (repair-profile-details.ts). */
  details: ProfileDetails;
}

const ROLES = new Set(["explorer", "guide", "both"]);

/** Case folding for comparisons, as close to the indexes' lower(… COLLATE "und-x-icu") as JS gets. */
const fold = (s: string) => s.toLowerCase();

/** Most recent sign-in first (never signed in last), then the oldest account. */
function keeperOrder(a: LegacyUser, b: LegacyUser): number {
  const la = a.last_login?.getTime() ?? -Infinity;
  const lb = b.last_login?.getTime() ?? -Infinity;
  if (la !== lb) return lb - la;
  return a.id - b.id;
}

function groupBy<T>(items: T[], key: (t: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const g = groups.get(k);
    if (g) g.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function validEmail(raw: string): string | null {
  const parsed = emailSchema.safeParse(raw);
  return parsed.success && parsed.data.length <= EMAIL_MAX ? parsed.data : null;
}

export function repairUsers(legacy: LegacyUser[], conflicts: Conflicts): UserRow[] {
  const byId = new Map(legacy.map((u) => [u.id, u]));
  const rows = new Map<number, UserRow>();
  for (const u of legacy) {
    let username = cleanText(u.username, USERNAME_MAX, "username", [u.id], conflicts).trim().normalize("NFKC");
    if (username === "") {
      username = `user~${u.id}`;
      conflicts.add("blank_username", [u.id], `imported with the username ${username}`);
    }
    const rawEmail = cleanText(u.email, EMAIL_MAX, "email", [u.id], conflicts).trim();
    const email = rawEmail === "" ? null : validEmail(rawEmail);
    if (email === null) {
      conflicts.add(
        rawEmail === "" ? "blank_email" : "invalid_email",
        [u.id],
        rawEmail === "" ? "imported without an email: signs in by username; staff must set an email before a password reset" : "imported without a usable email (the old one kept as legacyEmail): signs in by username; staff must set an email",
      );
    }
    // A weak hash (MD5 and the like) is as good as the password to whoever copies the
    // database: not kept; the person resets the password by email (review N-L4).
    const weakHash = isWeakLegacyHash(u.password);
    if (weakHash) conflicts.add("weak_password_hash", [u.id], "password stored in a weak old form (MD5, SHA-1, PBKDF2 under 100,000 iterations): not kept; resets it by email");
    rows.set(u.id, {
      id: u.id,
      username,
      email,
      legacyEmail: email === null && rawEmail !== "" ? rawEmail : null,
      passwordHash: weakHash ? RESET_REQUIRED_HASH : u.password,
      isStaff: u.is_staff || u.is_superuser,
      isActive: u.is_active,
      dateJoined: u.date_joined,
      lastLogin: u.last_login,
    });
  }

  // Emails equal in any letter case: the most recent sign-in keeps the address.
  for (const group of groupBy([...rows.values()], (r) => (r.email === null ? null : fold(r.email))).values()) {
    if (group.length < 2) continue;
    const [keeper, ...others] = group.map((r) => byId.get(r.id)!).sort(keeperOrder);
    for (const o of others) {
      const row = rows.get(o.id)!;
      row.legacyEmail = row.email;
      row.email = null;
    }
    conflicts.add(
      "duplicate_email",
      [keeper.id, ...others.map((o) => o.id)],
      `user ${keeper.id} (most recent sign-in) keeps the address; ${others.map((o) => o.id).join(", ")} imported without a sign-in email (kept as legacyEmail): contact them`,
    );
  }

  const taken = new Set<string>();
  for (const r of rows.values()) {
    taken.add(fold(r.username));
    if (r.email) taken.add(fold(r.email));
  }
  const rename = (row: UserRow): string => {
    // An address-shaped name keeps only its local part: "x@y.z~21" would still look like
    // an address, which only the account's own email may (the sign-in identifier rule).
    const name = EMAIL_SHAPED.test(row.username) ? row.username.slice(0, row.username.lastIndexOf("@")) : row.username;
    const base = fold(name).slice(0, USERNAME_MAX - 12);
    let candidate = `${base}~${row.id}`;
    for (let n = 2; taken.has(fold(candidate)); n++) candidate = `${base}~${row.id}~${n}`;
    taken.add(fold(candidate));
    row.username = candidate;
    return candidate;
  };

  // Usernames equal in any letter case: the most recent sign-in keeps it, the others get name~id.
  for (const group of groupBy([...rows.values()], (r) => fold(r.username)).values()) {
    if (group.length < 2) continue;
    const [keeper, ...others] = group.map((r) => byId.get(r.id)!).sort(keeperOrder);
    const renamed = others.map((o) => `${o.id} → ${rename(rows.get(o.id)!)}`);
    conflicts.add("duplicate_username", [keeper.id, ...others.map((o) => o.id)], `user ${keeper.id} keeps the username; renamed ${renamed.join(", ")}`);
  }

  // A username that is another account's email would let one sign-in name two people.
  const emailOwner = new Map<string, number>();
  for (const r of rows.values()) if (r.email) emailOwner.set(fold(r.email), r.id);
  for (const r of rows.values()) {
    const owner = emailOwner.get(fold(r.username));
    if (owner === undefined || owner === r.id) continue;
    const renamed = rename(r);
    conflicts.add("username_is_another_email", [r.id, owner], `user ${r.id}'s username is user ${owner}'s email: renamed to ${renamed}`);
  }
  // Any other address-shaped username must be the account's own email (an address nobody
  // here owns today could be someone's tomorrow); the database refuses it otherwise.
  for (const r of rows.values()) {
    if (!EMAIL_SHAPED.test(r.username) || (r.email && fold(r.email) === fold(r.username))) continue;
    const renamed = rename(r);
    conflicts.add("username_is_an_address", [r.id], `user ${r.id}'s username is an email address that is not the account's own: renamed to ${renamed}`);
  }
  return [...rows.values()];
}

/** The shape the sign-in identifier trigger treats as an address ('.@.', migration 20261201000100). */
const EMAIL_SHAPED = /.@./;

export function repairProfiles(
  users: UserRow[],
  legacyUsers: LegacyUser[],
  legacy: LegacyProfile[],
  conflicts: Conflicts,
  showcaseTags: [Map<number, number[]>, Map<number, number[]>, Map<number, number[]>] = [new Map(), new Map(), new Map()],
): ProfileRow[] {
  const legacyUser = new Map(legacyUsers.map((u) => [u.id, u]));
  const byUser = new Map<number, LegacyProfile>();
  for (const p of legacy) {
    if (!byUser.has(p.user_id)) byUser.set(p.user_id, p);
    else conflicts.add("duplicate_profile", [p.user_id], `profile ${p.id} not imported: the user's profile ${byUser.get(p.user_id)!.id} is`);
  }
  return users.map((u) => {
    const p = byUser.get(u.id);
    const old = legacyUser.get(u.id);
    const names = {
      firstName: cleanOptional(old?.first_name ?? null, NAME_MAX, "first name", [u.id], conflicts)?.trim() ?? null,
      lastName: cleanOptional(old?.last_name ?? null, NAME_MAX, "last name", [u.id], conflicts)?.trim() ?? null,
    };
    if (!p) {
      conflicts.add("missing_profile", [u.id], "a profile was created with the defaults (role explorer)");
      return { id: null, userId: u.id, role: "explorer", bio: null, displayName: null, ...names, activeGuide: false, canInviteTeachers: false, createdAt: u.dateJoined, updatedAt: u.dateJoined, details: DEFAULT_DETAILS };
    }
    let role = p.role as ProfileRow["role"];
    if (!ROLES.has(p.role)) {
      role = "explorer";
      conflicts.add("unknown_role", [u.id], `role ${JSON.stringify(p.role.slice(0, 40))} imported as explorer`);
    }
    const createdAt = p.created_at ?? u.dateJoined;
    return {
      id: p.id,
      userId: u.id,
      role,
      bio: cleanOptional(p.bio, BIO_MAX, "bio", [u.id], conflicts),
      displayName: cleanOptional(p.display_name, DISPLAY_NAME_MAX, "display name", [u.id], conflicts),
      ...names,
      activeGuide: p.active_guide,
      canInviteTeachers: p.can_invite_teachers,
      createdAt,
      updatedAt: p.updated_at ?? createdAt,
      details: repairProfileDetails(p, u.id, showcaseTags, conflicts),
    };
  });
}
