/**
 * The fields that name a person, one rule each for every form that asks: a citizen signing up,
 * an asker who shows their name, an organiser's account. Error messages are message keys
 * (app/i18n).
 */
import { z } from "./zod";

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
