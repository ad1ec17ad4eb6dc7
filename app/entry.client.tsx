import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { HydratedRouter } from "react-router/dom";
import { addCatalogue, isLanguage, type CitizenCatalogue, type Language } from "./i18n";

// Bokmål is built in; nynorsk and English are fetched only by a page written in them, before
// hydration, so the first render in the browser matches the server's.
const otherCatalogues: Partial<Record<Language, () => Promise<CitizenCatalogue>>> = {
  nn: () => import("./i18n/nn").then((m) => m.nn),
  en: () => import("./i18n/en").then((m) => m.en),
};

async function hydrate() {
  const lang = document.documentElement.lang;
  const load = isLanguage(lang) ? otherCatalogues[lang] : undefined;
  if (load && isLanguage(lang)) {
    // Without its catalogue the page still works as served, with no scripts: the forms are
    // plain posts. Hydrating in bokmål instead would rewrite the page in another language.
    try {
      addCatalogue(lang, await load());
    } catch {
      return;
    }
  }
  startTransition(() => {
    hydrateRoot(
      document,
      <StrictMode>
        <HydratedRouter />
      </StrictMode>,
    );
  });
}

void hydrate();
