/**
 * Message catalogues and the translator. Every text a person reads on a page or in an error
 * comes from here: `t(key, vars)` on pages, `msg(key, vars)` where a message must travel as a
 * string first (zod error messages, form replies) and be translated where it is shown.
 */
import type { StoredLanguage } from "../../db/connection";
import type { EntryVars, Plural } from "../../emails/texts/types";
import { nb } from "./nb";
import type { nbAdmin } from "./nb-admin";
import { nbCalendar } from "./nb-calendar";
import { nbPlatform } from "./nb-platform";
import { nbRegistrations } from "./nb-registrations";
import { nbQuestions } from "./nb-questions";
import { nbLanguage } from "./nb-language";
import { nbPhase } from "./nb-phase";
import { nbAccessibility } from "./nb-accessibility";
import { nbOwnData } from "./nb-own-data";
import { nbOnline } from "./nb-online";

// One shape for a text that depends on a number (`count`), here and in the mails' texts.
export type { Plural };
export type Entry = string | Plural;

const citizensBokmal = {
  ...nb,
  ...nbPlatform,
  ...nbRegistrations,
  ...nbQuestions,
  ...nbCalendar,
  ...nbLanguage,
  ...nbPhase,
  ...nbAccessibility,
  ...nbOwnData,
  ...nbOnline,
} as const;
type Bokmal = typeof citizensBokmal & typeof nbAdmin;
/**
 * Bokmål, built in. The organisers' own pages add their texts (nb-admin.ts) through
 * organiser-texts.ts, which only they and the server import, so a citizen's phone never
 * downloads them.
 */
const bokmal = { ...citizensBokmal } as Bokmal;

/** Adds the organisers' texts (organiser-texts.ts). */
export function addOrganiserTexts(texts: typeof nbAdmin) {
  Object.assign(bokmal, texts);
}

export type MessageKey = keyof Bokmal;
/**
 * The languages written in the code: every citizen key has a text in each, and so does every
 * mail (emails/texts). Rows remember one of these.
 */
const languages = ["nb", "nn", "en"] as const;
export type Language = (typeof languages)[number];
/**
 * Languages whose texts translators bring in as a file (app/translations/, `npm run
 * translations`), never written by us or a machine: South Sámi, for the South Sámi
 * administrative area. Offered to citizens once its catalogue holds a text; every text it
 * lacks, and every mail, is bokmål.
 */
export const importedLanguages = ["sma"] as const;
export type ImportedLanguage = (typeof importedLanguages)[number];
/** The language a page can be written in: a built-in one, or an imported one. */
export type PageLanguage = Language | ImportedLanguage;
export const defaultLanguage: Language = "nb";

/** Each language by its own name, the same on every page so a reader finds their own. */
export const languageNames: Record<PageLanguage, string> = {
  nb: "Bokmål",
  nn: "Nynorsk",
  en: "English",
  sma: "Åarjelsaemien",
};

// Rows store the language (db/connection.ts): both lists must name the same languages.
const sameAsStored: [PageLanguage, StoredLanguage] extends [StoredLanguage, PageLanguage]
  ? true
  : never = true;
void sameAsStored;

export function isLanguage(value: unknown): value is Language {
  return typeof value === "string" && (languages as readonly string[]).includes(value);
}

export function isImportedLanguage(value: unknown): value is ImportedLanguage {
  return typeof value === "string" && (importedLanguages as readonly string[]).includes(value);
}

export function isPageLanguage(value: unknown): value is PageLanguage {
  return isLanguage(value) || isImportedLanguage(value);
}

/** True for a language citizens may choose now: a built-in one, or an imported one with texts. */
export function isOfferedLanguage(value: unknown): value is PageLanguage {
  if (isLanguage(value)) return true;
  return isImportedLanguage(value) && Object.keys(catalogues[value] ?? {}).length > 0;
}

/** The languages the switcher offers, in its order. */
export function offeredLanguages(): PageLanguage[] {
  return [...languages, ...importedLanguages.filter(isOfferedLanguage)];
}

/**
 * Keys only organisers read: the /admin pages, their forms and refusals, the outbox. The
 * municipality's staff work in bokmål, so these have no nynorsk or English text; every other
 * key is a citizen's and must exist in every language (checked by the compiler through
 * CitizenCatalogue, and by catalogues.test.ts for placeholders).
 */
type OrganiserKey =
  | keyof typeof nbAdmin
  | `${"aq" | "present" | "export" | "after" | "notice" | "message" | "outbox"}.${string}`
  | `${"reminders" | "editor" | "attendees" | "dashboard" | "translations" | "meetingTexts"}.${string}`
  | `error.${"password" | "login" | "time" | "attachment" | "caseUpdate" | "message" | "notice"}.${string}`
  | "error.question.badMerge"
  | "error.question.mergeTarget"
  | "meeting.defaultTheme.title"
  | "meeting.defaultTheme.description";
export type CitizenKey = Exclude<MessageKey, OrganiserKey>;
/** A nynorsk or English catalogue: every citizen key, nothing else. */
export type CitizenCatalogue = Record<CitizenKey, Entry>;

const translators = new Map<PageLanguage, Translate>();
const catalogues: Partial<Record<PageLanguage, Partial<Record<MessageKey, Entry>>>> = {
  nb: bokmal,
};
// Bokmål is built in. The server adds nynorsk and English at start (all-languages.server.ts);
// a browser adds only the page's own language, before it hydrates (entry.client.tsx), so a
// page's JavaScript never carries all three.
/** Makes a language's catalogue known. */
export function addCatalogue(language: Language, catalogue: CitizenCatalogue) {
  catalogues[language] = catalogue;
  translators.delete(language);
}

/** What an imported language has been given so far: some citizen keys, each checked on import. */
export type ImportedCatalogue = Partial<Record<CitizenKey, Entry>>;

/**
 * Makes an imported language's texts known (the server after an import or at start, a
 * browser from the page's own data), replacing what it had.
 */
export function setImportedCatalogue(language: ImportedLanguage, catalogue: ImportedCatalogue) {
  catalogues[language] = catalogue;
  translators.delete(language);
}

/** An imported language's texts as they stand. */
export function importedCatalogue(language: ImportedLanguage): ImportedCatalogue {
  return (catalogues[language] ?? {}) as ImportedCatalogue;
}

/** A key's bokmål text, for translators' files. */
export function bokmalEntry(key: MessageKey): Entry {
  return bokmal[key];
}

const pluralRules: Record<PageLanguage, Intl.PluralRules> = {
  nb: new Intl.PluralRules("nb"),
  nn: new Intl.PluralRules("nn"),
  en: new Intl.PluralRules("en"),
  sma: new Intl.PluralRules("sma"),
};

/** The plural forms a language tells apart besides zero: South Sámi has a dual ("two"). */
export function pluralCategories(language: PageLanguage): readonly string[] {
  return pluralRules[language].resolvedOptions().pluralCategories;
}

/** The bokmål catalogue, for the completeness tests. */
export const bokmalForTests: Readonly<Record<MessageKey, Entry>> = bokmal;

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
  language: PageLanguage,
  vars: Record<string, string | number> | undefined,
): string {
  if (typeof entry === "string") return entry;
  const count = Number(vars?.count);
  if (count === 0 && entry.zero !== undefined) return entry.zero;
  const category = pluralRules[language].select(count);
  if (category === "two" && entry.two !== undefined) return entry.two;
  return category === "one" ? entry.one : entry.other;
}

/** The translator for a language; made once per language, so pages may ask for it freely. */
export function translator(language: PageLanguage = defaultLanguage): Translate {
  let t = translators.get(language);
  if (!t) {
    t = makeTranslator(language);
    translators.set(language, t);
  }
  return t;
}

function makeTranslator(language: PageLanguage): Translate {
  const catalogue = catalogues[language] ?? bokmal;
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

/** True for a message made by msg() or a bare key; false for zod's own English texts. */
export function isMessage(message: string): boolean {
  const at = message.indexOf(SEPARATOR);
  return isMessageKey(at < 0 ? message : message.slice(0, at));
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
