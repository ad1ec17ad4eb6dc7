import { z } from "../platform/zod";
import { emailField, nameField } from "../platform/person-fields";

/** Forms on the organisers' pages. Messages are message keys (app/i18n). */

const password = z
  .string({ error: "error.password.tooShort" })
  .min(1, "error.password.tooShort")
  .max(200, "error.password.tooLong");

export const loginSchema = z.object({
  email: emailField,
  password: z.string({ error: "error.login.invalid" }).min(1, "error.login.invalid").max(200),
  redirectTo: z.string().optional(),
});

/** A new password typed twice; a mismatch is reported beside the repeat. */
const newPassword = { password, passwordRepeat: z.string().optional() };
const repeatMatches = (v: { password: string; passwordRepeat?: string }) =>
  v.password === v.passwordRepeat;
const repeatMismatch = { path: ["passwordRepeat"], message: "error.password.mismatch" };

export const setupSchema = z
  .object({ name: nameField, email: emailField, ...newPassword })
  .refine(repeatMatches, repeatMismatch);

export const changePasswordSchema = z
  .object({
    currentPassword: z
      .string({ error: "error.password.wrong" })
      .min(1, "error.password.wrong")
      .max(200),
    ...newPassword,
  })
  .refine(repeatMatches, repeatMismatch);

export const addOrganiserSchema = z.object({
  name: nameField,
  email: emailField,
  role: z.enum(["admin", "organiser"], { error: "error.required" }),
  password,
});
