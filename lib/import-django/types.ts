// The old system's rows as read (lib/import-django/source.ts, from PostgreSQL or MySQL:
// the same values either way, see columns.ts) and the report of an import.

export interface LegacyUser {
  id: number;
  password: string;
  last_login: Date | null;
  is_superuser: boolean;
  username: string;
  email: string;
  is_staff: boolean;
  is_active: boolean;
  date_joined: Date;
  first_name: string | null;
  last_name: string | null;
}

export interface LegacyProfile {
  id: number;
  user_id: number;
  role: string;
  bio: string | null;
  active_guide: boolean;
  can_invite_teachers: boolean;
  display_name: string | null;
  created_at: Date | null;
  updated_at: Date | null;
  // The live Profile's later columns (null when the old database predates them).
  locale: string | null;
  email_notifications: boolean | null;
  mail_magazine_enabled: boolean | null;
  /** Media paths relative to Django's MEDIA_ROOT. */
  profile_image: string | null;
  showcase_image_1: string | null;
  showcase_image_2: string | null;
  showcase_image_3: string | null;
  showcase_image_1_caption: string | null;
  showcase_image_2_caption: string | null;
  showcase_image_3_caption: string | null;
  teacher_tagline: string | null;
  teacher_about: string | null;
  teaching_specialties: string | null;
  intro_video_url: string | null;
  linkedin_url: string | null;
  twitter_url: string | null;
  website_url: string | null;
  youtube_url: string | null;
  growth_score: number | null;
  impact_score: number | null;
  overall_ability_score: number | null;
  ability_rank: number | null;
  last_ability_update: Date | null;
}

/** users_userpreference (absent from older databases: read as no rows). */
export interface LegacyPreference {
  id: number;
  user_id: number;
  /** JSON (text on MariaDB, parsed on read). */
  languages_spoken: unknown;
  location: string | null;
  bio: string | null;
  native_language: string | null;
  report_language: string | null;
  updated_at: Date | null;
}

export interface LegacyApplication {
  id: number;
  user_id: number;
  motivation: string;
  experience: string | null;
  subjects_to_teach: string;
  status: string;
  reviewed_at: Date | null;
  admin_notes: string | null;
  created_at: Date;
  updated_at: Date;
  referred_by_id: number | null;
  reviewed_by_id: number | null;
}

export interface LegacyInvitation {
  id: number;
  invitee_email: string;
  token: string;
  personal_message: string | null;
  status: string;
  created_at: Date;
  accepted_at: Date | null;
  expires_at: Date;
  invitee_id: number | null;
  inviter_id: number;
}

export interface LegacyToken {
  key: string;
  created: Date;
  user_id: number;
}

/** A many-to-many row: the owner's id (profile_id / userpreference_id) and the other app's id. */
export type LegacyLink = Record<string, number>;

export interface LegacyData {
  users: LegacyUser[];
  profiles: LegacyProfile[];
  preferences: LegacyPreference[];
  applications: LegacyApplication[];
  invitations: LegacyInvitation[];
  tokens: LegacyToken[];
  /** Ids of other apps' rows (tags, subjects) linked to profiles and preferences. */
  links: { showcaseTags: [LegacyLink[], LegacyLink[], LegacyLink[]]; preferenceSubjects: LegacyLink[]; preferenceTags: LegacyLink[] };
  /** The old database's clock when it was read: "overdue" is judged against it. */
  readAt: Date;
}

export interface Conflict {
  kind: string;
  /** Old ids (users, applications or invitations as the kind says). */
  ids: number[];
  action: string;
}

export interface TableCounts {
  imported: number;
  updated: number;
  /** Already imported and unchanged in the old system since. */
  unchanged: number;
  /** Not written: refused (each one is also a conflict). */
  skipped: number;
}

export interface ImportReport {
  dryRun: boolean;
  users: TableCounts;
  profiles: TableCounts;
  guide_applications: TableCounts;
  invitations: TableCounts;
  tokens: TableCounts;
  preferences: TableCounts;
  conflicts: Conflict[];
  seconds: number;
}

export type TableName = "users" | "profiles" | "guide_applications" | "invitations" | "tokens" | "preferences";

/** Progress for a terminal: rows done of a table. */
export type Progress = (table: TableName, done: number, total: number) => void;

export const emptyCounts = (): TableCounts => ({ imported: 0, updated: 0, unchanged: 0, skipped: 0 });
