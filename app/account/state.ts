export interface ProfileValues {
  displayName: string;
  bio: string;
}

export type ProfileState =
  | { status: "idle" }
  | { status: "saved"; values: ProfileValues }
  | { status: "error"; message: string; fields: Record<string, string>; values: ProfileValues };
