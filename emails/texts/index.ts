import { createElement, Fragment, type ReactElement, type ReactNode } from "react";
import { en } from "./en";
import { nb } from "./nb";
import { nn } from "./nn";
import type { Catalogue, Plural, TextKey, TextVars } from "./types";

export type { Catalogue, Plural, TextKey } from "./types";

/** The languages whose mail texts are written here, each whole; bokmål unless the recipient chose another. */
export const mailLanguages = ["nb", "nn", "en"] as const;
type BuiltInMailLanguage = (typeof mailLanguages)[number];
/**
 * Languages whose mail texts translators bring in (the app's app/translations/, South Sámi):
 * what they have is set with setImportedMailTexts, and every text they lack is bokmål.
 */
const importedMailLanguages = ["sma"] as const;
export type MailLanguage = BuiltInMailLanguage | (typeof importedMailLanguages)[number];
/** Every language a mail's payload may name. */
export const payloadLanguages = [...mailLanguages, ...importedMailLanguages] as const;

export const catalogues: Record<BuiltInMailLanguage, Catalogue> = { nb, nn, en };
const imported: Partial<Record<MailLanguage, Catalogue>> = {};

/** An imported language's mail texts as they stand now: some keys, bokmål for the rest. */
export function setImportedMailTexts(
  language: (typeof importedMailLanguages)[number],
  texts: Partial<Record<TextKey, string | Plural>>,
) {
  imported[language] = { ...nb, ...texts } as Catalogue;
}

const catalogueOf = (language: MailLanguage): Catalogue =>
  language === "sma" ? (imported[language] ?? nb) : catalogues[language];

type VarsArg<K extends TextKey, V> = [TextVars<K>] extends [never]
  ? []
  : [vars: Record<TextVars<K>, V>];

export interface MailTexts {
  language: MailLanguage;
  /** The text with its placeholders filled in, as a plain string (subjects, previews, alt). */
  t<K extends TextKey>(key: K, ...vars: VarsArg<K, string | number>): string;
  /** The same, with React nodes (links, <strong>) in the placeholders, for a template's body. */
  rich<K extends TextKey>(key: K, vars: Record<TextVars<K>, ReactNode>): ReactElement;
}

const pluralRules = new Map<MailLanguage, Intl.PluralRules>();

function choose(entry: string | Plural, language: MailLanguage, count: unknown): string {
  if (typeof entry === "string") return entry;
  const n = Number(count);
  if (n === 0 && entry.zero !== undefined) return entry.zero;
  let rules = pluralRules.get(language);
  if (!rules) pluralRules.set(language, (rules = new Intl.PluralRules(language)));
  const category = rules.select(n);
  if (category === "two" && entry.two !== undefined) return entry.two;
  return category === "one" ? entry.one : entry.other;
}

/** Text and placeholder names, alternating: "Hei {name}," → ["Hei ", "name", ","]. */
function pieces(template: string): string[] {
  return template.split(/\{(\w+)\}/);
}

export function mailTexts(language: MailLanguage = "nb"): MailTexts {
  const catalogue = catalogueOf(language);
  function template(key: TextKey, vars: Record<string, unknown> | undefined): string {
    return choose(catalogue[key], language, vars?.count);
  }
  return {
    language,
    t(key, ...rest) {
      const vars = rest[0] as Record<string, string | number> | undefined;
      return pieces(template(key, vars))
        .map((piece, i) => (i % 2 === 0 ? piece : String(vars?.[piece] ?? `{${piece}}`)))
        .join("");
    },
    rich(key, vars) {
      const values = vars as Record<string, ReactNode>;
      const children = pieces(template(key, values))
        .map((piece, i) => (i % 2 === 0 ? piece : (values[piece] ?? `{${piece}}`)))
        .filter((node) => node !== "");
      // Spread as children, not an array: React then needs no keys, and renders each text
      // run as its own node, like JSX text around an {expression}.
      return createElement(Fragment, null, ...children);
    },
  };
}

/** What the attendee sees the calendar attachment as: a name in their language that says what it is. */
export function calendarFilename(
  method: string | null,
  language: MailLanguage = "nb",
): string | null {
  const { t } = mailTexts(language);
  if (method === "REQUEST") return t("calendar.inviteFilename");
  if (method === "CANCEL") return t("calendar.cancelFilename");
  return null;
}
