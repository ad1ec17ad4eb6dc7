import { useRouteLoaderData } from "react-router";
import {
  defaultLanguage,
  isPageLanguage,
  translator,
  type PageLanguage,
  type Translate,
} from "./index";

/** The page's language, from the root loader (bokmål when the root loader itself failed). */
export function useLanguage(): PageLanguage {
  const data = useRouteLoaderData("root") as { lang?: PageLanguage } | undefined;
  return data?.lang ?? defaultLanguage;
}

/**
 * The lang attribute for what organisers wrote (titles, descriptions, venues): Norwegian, so a
 * screen reader on an English page reads it as Norwegian (WCAG 3.1.2). On a Norwegian page it
 * needs none. A South Sámi page is another language too.
 */
export function useContentLang(): "no" | undefined {
  const language = useLanguage();
  return language === "nb" || language === "nn" ? undefined : "no";
}

/** The translator for the page's language. */
export function useT(): Translate {
  return translator(useLanguage());
}

/** The page's language for a meta function, which cannot use hooks: read from the root match. */
function metaLanguage(
  matches: readonly ({ id: string; loaderData?: unknown } | undefined)[],
): PageLanguage {
  const root = matches.find((match) => match?.id === "root")?.loaderData;
  const lang = typeof root === "object" && root !== null && "lang" in root ? root.lang : null;
  return isPageLanguage(lang) ? lang : defaultLanguage;
}

/** The translator for a meta function. */
export function metaT(
  matches: readonly ({ id: string; loaderData?: unknown } | undefined)[],
): Translate {
  return translator(metaLanguage(matches));
}
