import { nb } from "./nb";
import { nbAdmin } from "./nb-admin";
import { nbQuestions } from "./nb-questions";

const bokmal = { ...nb, ...nbAdmin, ...nbQuestions };

export type MessageKey = keyof typeof bokmal;
export const languages = ["nb"] as const;
export type Language = (typeof languages)[number];
export const defaultLanguage: Language = "nb";

const catalogues: Record<Language, Record<MessageKey, string>> = { nb: bokmal };

export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;

export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(bokmal, key);
}

export function translator(language: Language = defaultLanguage): Translate {
  const catalogue = catalogues[language];
  return (key, vars) => {
    const template = catalogue[key] ?? bokmal[key] ?? key;
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in vars ? String(vars[name]) : match,
    );
  };
}

/** Translates a form error: zod messages are message keys, optionally with "|{json vars}". */
export function translateError(t: Translate, message: string): string {
  const [key, json] = message.split("|", 2);
  if (!key || !isMessageKey(key)) return message;
  return t(key, json ? (JSON.parse(json) as Record<string, string | number>) : undefined);
}
