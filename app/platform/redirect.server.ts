import { redirect as frameworkRedirect } from "react-router";

/**
 * Every redirect the app makes goes through here (ESLint refuses React Router's own), so none
 * can send a visitor to another site. A Location is resolved by the browser against the page's
 * URL: `//evil.example/` and `/\evil.example/` name another host, a tab or line break inside is
 * dropped by the browser's URL parser (`/\t/evil.example`), and a path that a request brought
 * with it (the language switch keeps the page's own path; the login page returns to the one
 * it was sent from) can hold any of them.
 */
const BASE = new URL("http://origin.invalid");

/**
 * `value` as a path on our own origin, written out in full (dot segments resolved, characters
 * escaped); `fallback` when it names another site or is not a path at all. Runs of slashes at
 * its start become one, so what the browser reads is a path on this site whatever the value.
 */
export function localPath(value: unknown, fallback: string): string {
  // Control characters (tab, CR, LF among them) and backslashes: a browser reads past them.
  if (typeof value !== "string" || !value.startsWith("/") || /[\p{Cc}\\]/u.test(value)) {
    return fallback;
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin) return fallback;
  return url.pathname.replace(/^\/+/, "/") + url.search + url.hash;
}

/** React Router's redirect, to a path on our own origin only (the front page otherwise). */
export function redirect(location: string, init?: number | ResponseInit): Response {
  return frameworkRedirect(localPath(location, "/"), init);
}
