/**
 * The RSVP form, shared by the action and the browser. Error messages are message keys
 * (app/i18n), made with msg() when they carry values.
 */
import { getZodConstraint } from "@conform-to/zod/v4";
import { z } from "../platform/zod";
import { msg } from "../i18n";

// Control characters (CR/LF among them) never belong in a name or an email header.
const CONTROL = /\p{Cc}/u;
// Invisible format characters: right-to-left overrides, zero-width spaces and joiners. They
// let a name look like something else in a greeting or a list.
const FORMAT = /\p{Cf}/u;
// A name is greeted in mail from the municipality's address, and a question's asker is shown
// by name on public pages: a link or an address in it would let anyone send the municipality's
// mail (or put its site) behind their own message to a stranger. One rule for every name.
// Runs are bounded (a domain label has at most 63 characters), so a long name cannot make the
// pattern backtrack for seconds.
const LINK =
  /(?:[a-z][a-z\d+.-]{0,30}:\/\/|\bwww\.|[\p{L}\p{N}-]{1,63}\.\p{L}{2,63}\/|\b[\p{L}\p{N}-]{1,63}\.(?:no|com|net|org|info|io|ly|me|biz|xyz|ru|cn|top|link|click|shop|online|site|app|dev)\b)/iu;
const EMAIL = /@|\uFF20/u;

export const nameField = z
  .string({ error: "error.name.required" })
  .trim()
  .min(1, { message: "error.name.required", abort: true })
  // Too long is the only answer a long name gets: the patterns below never see it.
  .max(100, { message: "error.name.tooLong", abort: true })
  .refine((v) => !CONTROL.test(v), { message: "error.name.invalid", abort: true })
  .refine((v) => !FORMAT.test(v), { message: "error.name.hidden", abort: true })
  .refine((v) => !EMAIL.test(v), { message: "error.name.email", abort: true })
  .refine((v) => !LINK.test(v), "error.name.link");

/** The same rule where a name may be left out (a question's asker): blank means none. */
export const optionalNameField = z.preprocess(
  (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
  nameField.optional(),
);

export const emailField = z
  .string({ error: "error.email.required" })
  .trim()
  .min(1, "error.email.required")
  .max(254, "error.email.invalid")
  .pipe(z.email({ error: "error.email.invalid" }));

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

const buildRsvpSchema = (maxPartySize: number) =>
  z.object({
    name: nameField,
    email: emailField,
    partySize: partySizeField(maxPartySize),
    ...needsFields,
    consent: z
      .boolean({ error: "error.consent.required" })
      .refine((v) => v, "error.consent.required"),
  });

const buildChangeSchema = (maxPartySize: number) =>
  z.object({ partySize: partySizeField(maxPartySize), ...needsFields });

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
