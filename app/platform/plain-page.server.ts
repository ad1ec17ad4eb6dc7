// Answers made before the framework runs (a body too large, a request line we cannot read)
// still get a page in the visitor's language, not Express's or Node's bare text.
import type { IncomingMessage, ServerResponse } from "node:http";
import { translator, type MessageKey, type PageLanguage } from "../i18n";
import { incomingPageLanguage } from "./language.server";

/** A short page with a heading, a line and the way to the front page. */
function plainPage(language: PageLanguage, title: MessageKey, body?: MessageKey): string {
  const t = translator(language);
  return (
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${t(title)}</title></head><body><main>` +
    `<h1>${t(title)}</h1>${body ? `<p>${t(body)}</p>` : ""}` +
    `<p><a href="/">${t("error.backHome")}</a></p></main></body></html>`
  );
}

/**
 * Ends the response with `status` and that page, in the language the request's page would
 * have (the visitor's, bokmål on organisers' pages), kept by no cache.
 */
export function sendPlainPage(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  title: MessageKey,
  body?: MessageKey,
) {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(plainPage(incomingPageLanguage(req), title, body));
}
