/**
 * The page's language: bokmål unless the visitor chose nynorsk, English or (once translators
 * have brought its texts, app/translations/) South Sámi with the switcher in the header
 * (`?lang=nn` on any page), which is remembered in a cookie for a year.
 * Accept-Language is not read: most Norwegian browsers say "nb" or "no" anyway, a visitor
 * whose browser is set to English but who reads Norwegian would be moved away from the
 * municipality's own language, and a page that varies on it could not be answered early
 * (server.js) or cached as it is now. See docs/decisions/0011-citizens-languages.md.
 */
import type { IncomingMessage } from "node:http";
import { redirect } from "./redirect.server";
import { defaultLanguage, isOfferedLanguage, type PageLanguage } from "../i18n";
import { isOrganiserPath } from "./paths";
import { env } from "./env.server";

const LANGUAGE_COOKIE = "lang";
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The language a Cookie header names, or null when it names none we offer. */
export function languageFromCookieHeader(header: string | null | undefined): PageLanguage | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const at = part.indexOf("=");
    if (at < 0 || part.slice(0, at).trim() !== LANGUAGE_COOKIE) continue;
    const value = part.slice(at + 1).trim();
    if (isOfferedLanguage(value)) return value;
  }
  return null;
}

/** The language a citizen's request is answered in (and what their new rows are stored with). */
export function requestLanguage(request: Request): PageLanguage {
  return languageFromCookieHeader(request.headers.get("Cookie")) ?? defaultLanguage;
}

/** The language a page is written in: the visitor's, except on organisers' pages. */
export function pageLanguage(request: Request): PageLanguage {
  return languageOfPage(new URL(request.url).pathname, request.headers.get("Cookie"));
}

/**
 * pageLanguage for an answer server.js makes before the framework, from Node's request. A
 * target that is no path ("*", a URL that does not parse: app/platform/request-target.server.ts)
 * is no organisers' page.
 */
export function incomingPageLanguage(req: IncomingMessage): PageLanguage {
  const target = req.url ?? "/";
  return languageOfPage(target.startsWith("/") ? target : "/", req.headers.cookie);
}

function languageOfPage(pathOrUrl: string, cookieHeader: string | null | undefined) {
  if (isOrganiserPath(pathOrUrl)) return defaultLanguage;
  return languageFromCookieHeader(cookieHeader) ?? defaultLanguage;
}

function languageCookie(language: PageLanguage, request: Request): string {
  const secure = new URL(request.url).protocol === "https:" || env().NODE_ENV === "production";
  return (
    `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax; HttpOnly` +
    (secure ? "; Secure" : "")
  );
}

/**
 * A GET with `?lang=nn`: a redirect to the same address without the parameter, remembering
 * the choice in the cookie; null for any other request. An unknown language is ignored (the
 * page is shown as it would have been), so a mistyped link is never an error page.
 */
export function languageSwitch(request: Request): Response | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const url = new URL(request.url);
  const chosen = url.searchParams.get("lang");
  if (chosen === null || !isOfferedLanguage(chosen)) return null;
  url.searchParams.delete("lang");
  const location = url.pathname + (url.search === "?" ? "" : url.search) + url.hash;
  return redirect(location, {
    status: 303,
    headers: { "Set-Cookie": languageCookie(chosen, request), "Cache-Control": "no-store" },
  });
}

/**
 * A link for a mail to someone who used the site in `language`: opening it sets that language
 * in whichever browser they open it in (see languageSwitch). Bokmål links stay as they were.
 */
export function linkInLanguage(url: string, language: PageLanguage): string {
  if (language === defaultLanguage) return url;
  const link = new URL(url);
  link.searchParams.set("lang", language);
  return link.toString();
}
