import { createElement, Fragment, type ReactElement, type ReactNode } from "react";
import { en } from "./en";
import { nb } from "./nb";
import { nn } from "./nn";
import type { Catalogue, Plural, TextKey, TextVars } from "./types";

export type { Catalogue, Plural, TextKey } from "./types";

/** The languages a mail can be written in; bokmål unless the recipient chose another. */
export const mailLanguages = ["nb", "nn", "en"] as const;
export type MailLanguage = (typeof mailLanguages)[number];

export const catalogues: Record<MailLanguage, Catalogue> = { nb, nn, en };

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
  return rules.select(n) === "one" ? entry.one : entry.other;
}

/** Text and placeholder names, alternating: "Hei {name}," → ["Hei ", "name", ","]. */
function pieces(template: string): string[] {
  return template.split(/\{(\w+)\}/);
}

export function mailTexts(language: MailLanguage = "nb"): MailTexts {
  const catalogue = catalogues[language];
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
