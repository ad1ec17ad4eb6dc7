/**
 * Message catalogues and the translator. Every text a person reads on a page or in an error
 * comes from here: `t(key, vars)` on pages, `msg(key, vars)` where a message must travel as a
 * string first (zod error messages, form replies) and be translated where it is shown.
 */
import { nb } from "./nb";
import { nbAdmin } from "./nb-admin";
import { nbCalendar } from "./nb-calendar";
import { nbPlatform } from "./nb-platform";
import { nbRegistrations } from "./nb-registrations";
import { nbQuestions } from "./nb-questions";

/** A message that depends on a number: chosen by Intl.PluralRules on the `count` variable. */
export interface Plural {
  /** Exactly zero, where the language says it differently ("no seats left"). */
  readonly zero?: string;
  readonly one: string;
  readonly other: string;
}
type Entry = string | Plural;

const bokmal = {
  ...nb,
  ...nbAdmin,
  ...nbPlatform,
  ...nbRegistrations,
  ...nbQuestions,
  ...nbCalendar,
} as const;
type Bokmal = typeof bokmal;

export type MessageKey = keyof Bokmal;
export const languages = ["nb"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "nb";

const catalogues: Record<Language, Record<MessageKey, Entry>> = { nb: bokmal };
const pluralRules: Record<Language, Intl.PluralRules> = { nb: new Intl.PluralRules("nb") };

type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;
type EntryVars<E> = E extends Plural
  ? "count" | Placeholders<E["one"]> | Placeholders<E["other"]>
  : Placeholders<E>;
/** The variables a message needs, read from its bokmål text at compile time. */
export type MessageVars<K extends MessageKey> = Record<EntryVars<Bokmal[K]>, string | number>;
type VarsArg<K extends MessageKey> = [EntryVars<Bokmal[K]>] extends [never]
  ? []
  : [vars: MessageVars<K>];

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(bokmal, key);
}

function pick(
  entry: Entry,
  language: Language,
  vars: Record<string, string | number> | undefined,
): string {
  if (typeof entry === "string") return entry;
  const count = Number(vars?.count);
  if (count === 0 && entry.zero !== undefined) return entry.zero;
  return pluralRules[language].select(count) === "one" ? entry.one : entry.other;
}

export function translator(language: Language = defaultLanguage): Translate {
  const catalogue = catalogues[language];
  return (key, vars) => {
    const entry = catalogue[key] ?? bokmal[key];
    if (entry === undefined) return key;
    const template = pick(entry, language, vars);
    if (!vars) return template;
    return template.replace(/{(\w+)}/g, (match, name: string) =>
      name in vars ? String(vars[name]) : match,
    );
  };
}

// A message on its way to the page: the key, then "|" and its variables as JSON.
const SEPARATOR = "|";

/**
 * A message to show later, as one string (zod wants strings for its errors). The key must
 * exist and the variables its text uses must be given: both are checked by the compiler.
 */
export function msg<K extends MessageKey>(key: K, ...vars: VarsArg<K>): string {
  return vars.length ? `${key}${SEPARATOR}${JSON.stringify(vars[0])}` : key;
}

/** Shows a message made by msg(); any other text is shown as it is. */
export function translateError(t: Translate, message: string): string {
  const at = message.indexOf(SEPARATOR);
  const key = at < 0 ? message : message.slice(0, at);
  if (!isMessageKey(key)) return message;
  if (at < 0) return t(key);
  try {
    return t(key, JSON.parse(message.slice(at + 1)) as Record<string, string | number>);
  } catch {
    return t(key);
  }
}
