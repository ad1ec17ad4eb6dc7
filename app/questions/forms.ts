/**
 * The question forms, shared by actions and browsers. Error messages are message keys
 * (app/i18n/nb-questions.ts), as in app/registrations/forms.ts.
 */
import { getZodConstraint } from "@conform-to/zod/v4";
import { z } from "../platform/zod";
import { msg, type MessageKey } from "../i18n";
import { emailField, optionalNameField } from "../platform/person-fields";
import { QUESTION_MAX, QUESTION_MIN, type FormConstraint, type ThemeChoice } from "./limits";

// Line breaks and tabs belong in a question; other control characters never do.
const CONTROL_EXCEPT_BREAKS = /[^\P{Cc}\n\r\t]/u;
const CONTROL = /\p{Cc}/u;

const questionText = z
  .string({ error: "error.question.required" })
  .trim()
  .min(1, "error.question.required")
  .min(QUESTION_MIN, msg("error.question.tooShort", { min: QUESTION_MIN }))
  .max(QUESTION_MAX, msg("error.question.tooLong", { max: QUESTION_MAX }))
  .refine((v) => !CONTROL_EXCEPT_BREAKS.test(v), "error.question.invalid")
  .transform((v) => v.replace(/\r\n?/g, "\n"));

const isCatchAll = (title: string) => title.trim().toLocaleLowerCase("nb") === "annet";

/**
 * The meeting's themes plus "Annet" (unless the meeting already has a theme of that name,
 * which then stands for the catch-all). The one place that decides what a theme choice means.
 */
export function themeChoices(themes: { title: string }[], otherLabel: string): ThemeChoice[] {
  const choices: ThemeChoice[] = themes.map((t, i) => ({
    value: String(i + 1),
    label: t.title,
    title: isCatchAll(t.title) ? null : t.title,
  }));
  if (!themes.some((t) => isCatchAll(t.title))) {
    choices.push({ value: "0", label: otherLabel, title: null });
  }
  return choices;
}

export function questionSchema(choices: ThemeChoice[]) {
  const values = choices.map((c) => c.value);
  return z.object({
    theme: z
      .string({ error: "error.question.theme" })
      .refine((v) => values.includes(v), "error.question.theme"),
    text: questionText,
    name: optionalNameField,
    showName: z.boolean().default(false),
    email: emailField.optional(),
    private: z.boolean().default(false),
  });
}

export const editOwnSchema = z.object({ text: questionText });

// --- Organisers ------------------------------------------------------------------------------

const longText = (max: number, requiredKey: MessageKey = "error.question.required") =>
  z
    .string({ error: requiredKey })
    .trim()
    .max(max, msg("error.tooLong", { max }))
    .refine((v) => !CONTROL_EXCEPT_BREAKS.test(v), "error.question.invalid")
    .transform((v) => v.replace(/\r\n?/g, "\n"));

export const wordingSchema = z.object({ publicText: questionText });
export const answerSchema = z.object({ answer: longText(5000).optional() });
export const summarySchema = z.object({ summary: longText(20000).optional() });
export const mergeSchema = z.object({
  into: z
    .number({ error: "error.question.mergeTarget" })
    .int()
    .positive("error.question.mergeTarget"),
});
export const caseUpdateSchema = z.object({
  title: z
    .string({ error: "error.caseUpdate.title" })
    .trim()
    .min(1, "error.caseUpdate.title")
    .max(200, msg("error.tooLong", { max: 200 }))
    .refine((v) => !CONTROL.test(v), "error.question.invalid"),
  body: longText(10000, "error.caseUpdate.body"),
});
export const subscribeSchema = z.object({ email: emailField });
export const questionSettingsSchema = z.object({
  moderationCriteria: longText(5000).optional(),
  privacyWords: longText(2000).optional(),
});

// The forms' HTML constraints, for loaders to hand to the page (zod stays on the server).
// Worked out once: walking a schema costs more than the rest of a page's loader. The meeting's
// themes are checked by a refinement, which HTML cannot express, so one constraint fits all.
const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};
export const questionConstraint = once((): FormConstraint => getZodConstraint(questionSchema([])));
export const editOwnConstraint = once((): FormConstraint => getZodConstraint(editOwnSchema));
export const subscribeConstraint = once((): FormConstraint => getZodConstraint(subscribeSchema));
