// Answers made before the framework runs (a body too large, a request line we cannot read)
// still get a page in the visitor's language, not Express's or Node's bare text.
import type { ServerResponse } from "node:http";
import { translator, type MessageKey, type PageLanguage } from "../i18n";

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

/** Ends the response with `status` and that page, kept by no cache. */
export function sendPlainPage(
  res: ServerResponse,
  status: number,
  language: PageLanguage,
  title: MessageKey,
  body?: MessageKey,
) {
  res.statusCode = status;
  res.setHeader("Content-Type", "text/html; charset=utf-8");
  res.setHeader("Cache-Control", "no-store");
  res.end(plainPage(language, title, body));
}
