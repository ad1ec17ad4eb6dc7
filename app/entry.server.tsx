import { PassThrough } from "node:stream";
import { createReadableStreamFromReadable } from "@react-router/node";
import { isbot } from "isbot";
import { renderToPipeableStream, type RenderToPipeableStreamOptions } from "react-dom/server";
import { ServerRouter, type EntryContext } from "react-router";
import {
  documentEtag,
  isNotModified,
  notModifiedHeaders,
  rememberEtag,
} from "./platform/conditional-get.server";

// The custom server (server.js) starts and stops the app's services through these.
export { services as startServices, shutdown } from "./platform/context.server";
export { earlyNotModified } from "./platform/conditional-get.server";

export const streamTimeout = 5_000;

const securityHeaders: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

export default function handleRequest(
  request: Request,
  status: number,
  headers: Headers,
  context: EntryContext,
) {
  for (const [name, value] of Object.entries(securityHeaders)) {
    if (!headers.has(name)) headers.set(name, value);
  }
  const method = request.method.toUpperCase();
  if (method !== "GET" && method !== "HEAD") {
    // An action's answer is about this one submission: never reuse it.
    headers.set("Cache-Control", "no-store");
  }
  const etag = documentEtag(request, status, headers, context);
  if (etag) {
    headers.set("ETag", etag);
    // Unless the page says otherwise: keep it, but ask before every reuse.
    if (!headers.has("Cache-Control")) headers.set("Cache-Control", "private, no-cache");
    rememberEtag(request, etag, headers, context.manifest.version);
    if (isNotModified(request, etag)) {
      return new Response(null, { status: 304, headers: notModifiedHeaders(headers) });
    }
  }
  if (request.method.toUpperCase() === "HEAD") {
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
      <ServerRouter context={context} url={request.url} />,
      {
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
