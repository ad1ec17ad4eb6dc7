import {
  href,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { honeypotInputProps } from "./platform/honeypot.server";
import {
  defaultLanguage,
  importedCatalogue,
  isImportedLanguage,
  isMessageKey,
  languageNames,
  offeredLanguages,
  setImportedCatalogue,
  translator,
  type ImportedCatalogue,
  type PageLanguage,
  type MessageKey,
  type Translate,
} from "./i18n";
import { services } from "./platform/context.server";
import { refreshImportedCatalogues } from "./translations/catalogue-file.server";
import { useT } from "./i18n/react";
import { env } from "./platform/env.server";
import { languageSwitch, pageLanguage } from "./platform/language.server";
import { isOrganiserPath } from "./platform/paths";
import { useNonce } from "./platform/nonce";
import { useFocusAfterNavigation } from "./components/navigation-focus";
import stylesheet from "./styles.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request }: Route.LoaderArgs) {
  const switched = languageSwitch(request);
  if (switched) throw switched;
  const { CONTACT_NAME, CONTACT_EMAIL, CONTACT_PHONE, ACCESSIBILITY_STATEMENT_URL } = env();
  refreshImportedCatalogues(services().db);
  const lang = pageLanguage(request);
  return {
    lang,
    // The switcher's languages: South Sámi once translators have brought its texts.
    languages: offeredLanguages(),
    // A page in a translators' language carries that language's texts (the built-in ones
    // are fetched by entry.client.tsx); the rest is bokmål.
    importedTexts: isImportedLanguage(lang) ? importedCatalogue(lang) : null,
    // For the spam trap on every public form (components/honeypot-fields.tsx).
    honeypotInputProps: await honeypotInputProps(),
    contact: { name: CONTACT_NAME, email: CONTACT_EMAIL, phone: CONTACT_PHONE },
    // The municipality's accessibility statement on uustatus.no, when it is set.
    accessibilityStatementUrl: ACCESSIBILITY_STATEMENT_URL ?? null,
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const lang = data?.lang ?? defaultLanguage;
  adoptImportedTexts(lang, data?.importedTexts ?? null);
  const t = translator(lang);
  const nonce = useNonce();
  const { pathname } = useLocation();
  useFocusAfterNavigation();
  return (
    <html lang={lang}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#main">
          {t("site.skipToContent")}
        </a>
        <header className="site-header">
          <div className="container">
            <Link to={href("/")} className="site-name">
              {t("site.name")}
            </Link>
            {isOrganiserPath(pathname) ? null : (
              <LanguageSwitcher
                current={lang}
                offered={data?.languages ?? [defaultLanguage]}
                t={t}
              />
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            {data ? <FooterContact contact={data.contact} t={t} /> : null}
            <ul className="footer-links">
              <li>
                <Link to={href("/privacy")}>{t("site.footer.privacy")}</Link>
              </li>
              <li>
                <Link to={href("/accessibility")}>{t("site.footer.accessibility")}</Link>
              </li>
              {data?.accessibilityStatementUrl ? (
                <li>
                  <a href={data.accessibilityStatementUrl} id="accessibility-statement">
                    {t("site.footer.statement")}
                  </a>
                </li>
              ) : null}
            </ul>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

let adoptedTexts: ImportedCatalogue | null = null;

/**
 * In the browser, a page in a translators' language takes its texts from the root loader's
 * data before anything renders with them (the server has them already). Once per texts
 * object, so a navigation that brings the same data costs nothing.
 */
function adoptImportedTexts(lang: PageLanguage, texts: ImportedCatalogue | null) {
  if (typeof document === "undefined" || !texts || !isImportedLanguage(lang)) return;
  if (texts === adoptedTexts) return;
  adoptedTexts = texts;
  setImportedCatalogue(lang, texts);
}

/** "Spørsmål om møtene? Kontakt Røros kommune: telefon 72 41 94 00, e-post …" (settings). */
function FooterContact({
  contact,
  t,
}: {
  contact: { name: string; email: string; phone: string };
  t: Translate;
}) {
  return (
    <p id="site-contact">
      {t("site.footer.contact", { name: contact.name })} {t("site.footer.phone")}{" "}
      <a href={`tel:${contact.phone.replace(/ /g, "")}`}>{contact.phone}</a>,{" "}
      {t("site.footer.email")} <a href={`mailto:${contact.email}`}>{contact.email}</a>.
    </p>
  );
}

/**
 * Plain links, so the switch works without JavaScript: the server remembers the choice and
 * sends the visitor back to the same address (app/platform/language.server.ts).
 */
function LanguageSwitcher({
  current,
  offered,
  t,
}: {
  current: PageLanguage;
  offered: readonly PageLanguage[];
  t: Translate;
}) {
  const { pathname, search } = useLocation();
  const hrefFor = (language: PageLanguage) => {
    const params = new URLSearchParams(search);
    params.set("lang", language);
    return `${pathname}?${params.toString()}`;
  };
  return (
    <nav className="language-switcher" aria-label={t("language.label")}>
      <ul>
        {offered.map((language) => (
          <li key={language}>
            <a
              href={hrefFor(language)}
              lang={language}
              hrefLang={language}
              aria-current={language === current ? "true" : undefined}
            >
              {languageNames[language]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function App() {
  return <Outlet />;
}

const statusText: Record<number, [MessageKey, MessageKey | null]> = {
  400: ["error.badRequest.title", null],
  403: ["error.forbidden.title", "error.forbidden"],
  404: ["error.notFound.title", "error.notFound.body"],
  405: ["error.methodNotAllowed.title", "error.methodNotAllowed.body"],
  413: ["error.tooLarge.title", "error.tooLarge.body"],
  415: ["error.unsupportedType.title", "error.unsupportedType.body"],
  429: ["error.tooMany.title", null],
  503: ["error.busy.title", "error.busy.body"],
};

export function ErrorBoundary({ error }: Route.ErrorBoundaryProps) {
  const t = useT();
  let title = t("error.server.title");
  let body = t("error.server.body");
  if (isRouteErrorResponse(error)) {
    const known = statusText[error.status];
    // A route may throw its own message key as the response body.
    const own = typeof error.data === "object" && error.data !== null ? error.data : null;
    if (
      own &&
      "title" in own &&
      "body" in own &&
      isMessageKey(String(own.title)) &&
      isMessageKey(String(own.body))
    ) {
      title = t(own.title as MessageKey);
      body = t(own.body as MessageKey);
    } else if (known) {
      title = t(known[0]);
      body = known[1] ? t(known[1]) : "";
    }
  } else if (import.meta.env.DEV && error instanceof Error) {
    body = error.message;
  }
  return (
    <>
      <title>{title}</title>
      <h1>{title}</h1>
      {body ? <p>{body}</p> : null}
      <p>
        <Link to={href("/")}>{t("error.backHome")}</Link>
      </p>
    </>
  );
}
