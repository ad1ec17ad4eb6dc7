/**
 * The RSVP form, shared by the action and the browser. Error messages are message keys
 * (app/i18n), made with msg() when they carry values.
 */
import { getZodConstraint } from "@conform-to/zod/v4";
import { z } from "../platform/zod";
import { msg } from "../i18n";
import { emailField, nameField } from "../platform/person-fields";

const partySizeField = (max: number) =>
  z
    .number({ error: "error.partySize.invalid" })
    .int("error.partySize.invalid")
    .min(1, "error.partySize.invalid")
    .max(max, msg("error.partySize.tooMany", { max }));

const needsFields = {
  needsAccessibility: z.boolean().default(false),
  needsInterpreter: z.boolean().default(false),
  needsOther: z.boolean().default(false),
  needsText: z
    .string()
    .trim()
    .max(500, "error.needsText.tooLong")
    .refine((v) => !/[^\P{Cc}\n\r\t]/u.test(v), "error.needsText.invalid")
    .default(""),
};

/** In the hall or online; sent only where the meeting offers both (attendanceFor decides). */
const attendanceField = z
  .enum(["hall", "online"], { error: "error.attendance.invalid" })
  .optional();

const buildRsvpSchema = (maxPartySize: number) =>
  z.object({
    name: nameField,
    email: emailField,
    attendance: attendanceField,
    partySize: partySizeField(maxPartySize),
    ...needsFields,
    consent: z
      .boolean({ error: "error.consent.required" })
      .refine((v) => v, "error.consent.required"),
  });

const buildChangeSchema = (maxPartySize: number) =>
  z.object({
    attendance: attendanceField,
    partySize: partySizeField(maxPartySize),
    ...needsFields,
  });

/** Memoised per party-size limit: building a schema costs more than using it. */
function perLimit<T>(build: (max: number) => T): (max: number) => T {
  const built = new Map<number, T>();
  return (max) => {
    let value = built.get(max);
    if (value === undefined) built.set(max, (value = build(max)));
    return value;
  };
}

export const rsvpSchema = perLimit(buildRsvpSchema);
export const changeSchema = perLimit(buildChangeSchema);
/** The forms' HTML constraints (required, min, max…), for pages that do not load zod. */
export const rsvpConstraint = perLimit((max) => getZodConstraint(rsvpSchema(max)));
export const changeConstraint = perLimit((max) => getZodConstraint(changeSchema(max)));
export type FormConstraint = ReturnType<typeof getZodConstraint>;

export type RsvpValues = z.infer<ReturnType<typeof rsvpSchema>>;
export type ChangeValues = z.infer<ReturnType<typeof changeSchema>>;

export const toNeeds = (v: {
  needsAccessibility: boolean;
  needsInterpreter: boolean;
  needsOther: boolean;
  needsText: string;
}) => ({
  accessibility: v.needsAccessibility,
  interpreter: v.needsInterpreter,
  other: v.needsOther,
  text: v.needsText,
});

/** An organiser's form for someone who phoned or walked in: email optional, phone and note. */
export const organiserRegistrationSchema = (maxPartySize: number) =>
  z.object({
    name: nameField,
    email: emailField.optional().transform((v) => v ?? null),
    phone: z
      .string()
      .trim()
      .regex(/^\+?[\d\s().-]{5,20}$/, "error.phone.invalid")
      .optional()
      .transform((v) => v ?? null),
    attendance: attendanceField,
    partySize: z
      .number({ error: "error.partySize.invalid" })
      .int("error.partySize.invalid")
      .min(1, "error.partySize.invalid")
      .max(
        Math.max(maxPartySize, 20),
        msg("error.partySize.tooMany", { max: Math.max(maxPartySize, 20) }),
      ),
    ...needsFields,
    note: z
      .string()
      .trim()
      .max(1000, msg("error.tooLong", { max: 1000 }))
      .default(""),
  });
