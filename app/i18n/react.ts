import { useRouteLoaderData } from "react-router";
import { defaultLanguage, translator, type Language, type Translate } from "./index";

/** The translator for the page's language (from the root loader; bokmål on error pages). */
export function useT(): Translate {
  const data = useRouteLoaderData("root") as { lang?: Language } | undefined;
  return translator(data?.lang ?? defaultLanguage);
}
