/**
 * What the browser needs to know about question forms, without zod: the citizens' pages ship
 * no schema library (the actions validate, with and without JavaScript).
 */
export const QUESTION_MAX = 600;
export const QUESTION_MIN = 5;

/** A choice of theme: "1".."n" are the meeting's themes in order; "0" is the catch-all "Annet". */
export interface ThemeChoice {
  value: string;
  label: string;
  /** What is stored: the theme's title, or null for "Annet". */
  title: string | null;
}

/** conform's HTML constraints per field (required, maxLength …), computed on the server. */
export type FormConstraint = Record<
  string,
  {
    required?: boolean;
    minLength?: number;
    maxLength?: number;
    min?: string | number;
    max?: string | number;
    step?: string | number;
    multiple?: boolean;
    pattern?: string;
  }
>;

/** Why a question was declined: the categories counted on the public questions page. */
export const REJECT_CATEGORIES = ["personalData", "duplicate", "offTopic", "abusive"] as const;

/** The queue's source filter: every question, or those from one place (QuestionSource). */
export const SOURCE_FILTERS = ["all", "web", "hall", "online"] as const;
export type SourceFilter = (typeof SOURCE_FILTERS)[number];
