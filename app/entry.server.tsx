import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream, type RenderToPipeableStreamOptions } from "react-dom/server";
import { ServerRouter, type AppLoadContext, type EntryContext } from "react-router";
import {
  documentEtag,
  isNotModified,
  notModifiedHeaders,
  rememberEtag,
} from "./platform/conditional-get.server";
import { keepPage, keptPage, NONCE_PLACEHOLDER, pageKey } from "./platform/page-cache.server";
import { isKeptUrl } from "./platform/paths";
import { NonceProvider } from "./platform/nonce";
import "./i18n/all-languages.server";

// The custom server (server.js) starts and stops the app's services through these, and puts
// this middleware in front of every route (security headers, then body limits).
export { startServices, shutdown, stopBackgroundWork } from "./services.server";
export { securityHeaders } from "./platform/security-headers.server";
export { builtFiles } from "./platform/built-files.server";
export { limitBodies } from "./platform/body-limit.server";
export { originForm } from "./platform/request-target.server";
export { serverTurns } from "./platform/turns.server";
export { earlyNotModified, freshnessToken } from "./platform/conditional-get.server";
export { earlyPage } from "./platform/page-cache.server";
export { withoutTracking } from "./platform/tracking-params";
export { handleError } from "./platform/errors.server";

export const streamTimeout = 5_000;

export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  context: EntryContext,
  loadContext: AppLoadContext,
) {
  // Security headers (and the policy this nonce belongs to) are set by server.js's middleware.
  const nonce = loadContext.cspNonce;
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD") {
    // An action's answer is about this one submission: never reuse it.
    headers.set("Cache-Control", "no-store");
  }
  // Every page is written in the language its lang cookie names (platform/language.server.ts),
  // so no cache may hand one visitor's copy to a visitor with another cookie.
  if (!/\bcookie\b/i.test(headers.get("Vary") ?? "")) headers.append("Vary", "Cookie");
  const etag = documentEtag(request, status, headers, context);
  if (etag) {
    headers.set("ETag", etag);
    // Unless the page says otherwise: keep it, but ask before every reuse.
    if (!headers.has("Cache-Control")) headers.set("Cache-Control", "private, no-cache");
    rememberEtag(request, etag, headers, loadContext.freshness);
    if (isNotModified(request, etag)) {
      // No Content-Security-Policy on a 304: see security-headers.server.ts.
      return new Response(null, { status: 304, headers: notModifiedHeaders(headers) });
    }
  }
  if (method === "HEAD") {
    return new Response(null, { status, headers });
  }
  // A public page with an ETag is a function of that ETag and its URL: render it once. (With
  // a query string it is rendered each time: see isKeptUrl.)
  const url = new URL(request.url);
  if (etag && nonce && isKeptUrl(url)) {
    const key = pageKey(etag, url.pathname + url.search);
    headers.set("Content-Type", "text/html; charset=utf-8");
    const kept = keptPage(key, nonce);
    if (kept !== null) return new Response(kept, { status, headers });
    return renderWhole(context, request.url).then(({ html, failed }) => {
      if (!failed) keepPage(key, html, headers);
      return new Response(html.replaceAll(NONCE_PLACEHOLDER, nonce), {
        status: failed ? 500 : status,
        headers,
      });
    });
  }
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const userAgent = request.headers.get("user-agent");
    // Crawlers get the whole document at once; people get it streamed.
    const ready: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || context.isSpaMode ? "onAllReady" : "onShellReady";
    let timeout: NodeJS.Timeout | undefined = setTimeout(() => abort(), streamTimeout + 1000);

    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRouter context={context} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [ready]() {
          shellRendered = true;
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeout);
              timeout = undefined;
              callback();
            },
          });
          headers.set("Content-Type", "text/html; charset=utf-8");
          pipe(body);
          resolve(new Response(createReadableStreamFromReadable(body), { status, headers }));
        },
        onShellError: reject,
        onError(error: unknown) {
          status = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
  });
}

/** The whole document as one string, rendered with the nonce placeholder (page-cache.server.ts). */
function renderWhole(
  context: EntryContext,
  url: string,
): Promise<{ html: string; failed: boolean }> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let failed = false;
    const sink = new PassThrough();
    sink.on("data", (chunk: Buffer) => chunks.push(chunk));
    sink.on("end", () => resolve({ html: Buffer.concat(chunks).toString("utf8"), failed }));
    sink.on("error", reject);
    const timeout = setTimeout(() => abort(), streamTimeout + 1000);
    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={NONCE_PLACEHOLDER}>
        <ServerRouter context={context} url={url} nonce={NONCE_PLACEHOLDER} />
      </NonceProvider>,
      {
        nonce: NONCE_PLACEHOLDER,
        onAllReady() {
          clearTimeout(timeout);
          pipe(sink);
        },
        onShellError(error: unknown) {
          clearTimeout(timeout);
          reject(error);
        },
        onError(error: unknown) {
          failed = true;
          console.error(error);
        },
      },
    );
  });
}
