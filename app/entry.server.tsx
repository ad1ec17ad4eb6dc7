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
import { NonceProvider } from "./platform/nonce";
import "./i18n/all-languages.server";

// The custom server (server.js) starts and stops the app's services through these, and puts
// this middleware in front of every route (security headers, then body limits).
export { services as startServices, shutdown, stopBackgroundWork } from "./platform/context.server";
export { securityHeaders } from "./platform/security-headers.server";
export { limitBodies } from "./platform/body-limit.server";
export { earlyNotModified } from "./platform/conditional-get.server";

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
    rememberEtag(request, etag, headers, context.manifest.version);
    if (isNotModified(request, etag)) {
      // No Content-Security-Policy on a 304: see security-headers.server.ts.
      return new Response(null, { status: 304, headers: notModifiedHeaders(headers) });
    }
  }
  if (method === "HEAD") {
    return new Response(null, { status, headers });
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
