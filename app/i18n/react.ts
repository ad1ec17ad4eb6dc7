import { useRouteLoaderData } from "react-router";
import { defaultLanguage, isLanguage, translator, type Language, type Translate } from "./index";

/** The page's language, from the root loader (bokmål when the root loader itself failed). */
export function useLanguage(): Language {
  const data = useRouteLoaderData("root") as { lang?: Language } | undefined;
  return data?.lang ?? defaultLanguage;
}

/**
 * The lang attribute for what organisers wrote (titles, descriptions, venues): Norwegian, so a
 * screen reader on an English page reads it as Norwegian (WCAG 3.1.2). On a Norwegian page it
 * needs none.
 */
export function useContentLang(): "no" | undefined {
  return useLanguage() === "en" ? "no" : undefined;
}

/** The translator for the page's language. */
export function useT(): Translate {
  return translator(useLanguage());
}

/** The page's language for a meta function, which cannot use hooks: read from the root match. */
function metaLanguage(
  matches: readonly ({ id: string; loaderData?: unknown } | undefined)[],
): Language {
  const root = matches.find((match) => match?.id === "root")?.loaderData;
  const lang = typeof root === "object" && root !== null && "lang" in root ? root.lang : null;
  return isLanguage(lang) ? lang : defaultLanguage;
}

/** The translator for a meta function. */
export function metaT(
  matches: readonly ({ id: string; loaderData?: unknown } | undefined)[],
): Translate {
  return translator(metaLanguage(matches));
}
