import {
  href,
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
} from "react-router";
import { HoneypotProvider } from "remix-utils/honeypot/react";
import type { Route } from "./+types/root";
import { honeypotInputProps } from "./platform/honeypot.server";
import { defaultLanguage, isMessageKey, translator, type MessageKey } from "./i18n";
import { useT } from "./i18n/react";
import { useNonce } from "./platform/nonce";
import stylesheet from "./styles.css?url";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader() {
  return {
    lang: defaultLanguage,
    honeypotInputProps: await honeypotInputProps(),
  };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const t = translator(data?.lang ?? defaultLanguage);
  const nonce = useNonce();
  return (
    <html lang={data?.lang ?? defaultLanguage}>
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
          </div>
        </header>
        <main id="main" tabIndex={-1} className="container">
          {children}
        </main>
        <footer className="site-footer">
          <div className="container">
            <p>{t("site.footer.contact")}</p>
            <p>
              <Link to={href("/privacy")}>{t("site.footer.privacy")}</Link>
            </p>
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App({ loaderData }: Route.ComponentProps) {
  return (
    <HoneypotProvider {...loaderData.honeypotInputProps}>
      <Outlet />
    </HoneypotProvider>
  );
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
