export interface ApplicationValues {
  motivation: string;
  experience: string;
  subjectsToTeach: string;
  referredBy: string;
}

// Success is not a state: the action redirects to this page, which then shows the
// pending application instead of the form.
export type ApplicationState =
  | { status: "idle" }
  | { status: "error"; message: string; fields: Record<string, string>; values: ApplicationValues };

export interface ApplicationLimits {
  motivation: number;
  experience: number;
  subjects: number;
}
