import type { IncomingMessage, ServerResponse } from "node:http";
import onHeaders from "on-headers";
import { randomText } from "./tokens.server";

declare module "react-router" {
  interface AppLoadContext {
    /** This response's Content-Security-Policy nonce (security-headers.server.ts). */
    cspNonce?: string;
  }
}

/**
 * Security headers on every response, whoever makes it: pages, .data, exports, calendar
 * files, static files, redirects and the server's own error answers. Express middleware for
 * server.js, registered first. Headers are filled in just before they are written, so a
 * route that sets its own value (Referrer-Policy on personal pages, an attachment's
 * Content-Security-Policy) keeps it.
 */
export interface SecurityOptions {
  /** Off in development only: Vite injects inline styles and talks over a websocket. */
  csp: boolean;
  /** PUBLIC_URL is https: tell browsers to come back over https only. */
  https: boolean;
}

const fixed: Record<string, string> = {
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  // Not no-referrer: browsers would then send "Origin: null" with the page's own form
  // posts, which the framework's CSRF check refuses (see registrations/manage.server.ts).
  "Referrer-Policy": "same-origin",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
  "Cross-Origin-Opener-Policy": "same-origin",
};

function contentSecurityPolicy(nonce: string, https: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    `style-src 'self' 'nonce-${nonce}'`,
    // The check-in QR code is a data: image.
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

/**
 * A route's own policy (an attachment's `sandbox; default-src 'none'`, ADR 0007) is stricter
 * than the page policy for what it serves, so it wins; only framing is forbidden in it too.
 */
function withoutFraming(policy: string): string {
  return /(^|;)\s*frame-ancestors\b/i.test(policy) ? policy : `${policy}; frame-ancestors 'none'`;
}

export function securityHeaders(options: SecurityOptions) {
  const hsts = options.https ? "max-age=31536000" : null;
  return (
    _req: IncomingMessage,
    res: ServerResponse & { locals?: Record<string, unknown> },
    next: () => void,
  ) => {
    const nonce = randomText(16, "base64");
    if (res.locals) res.locals.cspNonce = nonce;
    onHeaders(res, function () {
      for (const [name, value] of Object.entries(fixed)) {
        if (!this.hasHeader(name)) this.setHeader(name, value);
      }
      if (hsts) this.setHeader("Strict-Transport-Security", hsts);
      if (this.statusCode === 304) {
        // A 304 updates the headers of the page the browser has cached. A policy with a new
        // nonce would then block that page's scripts, which carry the old one.
        this.removeHeader("Content-Security-Policy");
      } else {
        const own = this.getHeader("Content-Security-Policy");
        this.setHeader(
          "Content-Security-Policy",
          typeof own === "string"
            ? withoutFraming(own)
            : options.csp
              ? contentSecurityPolicy(nonce, options.https)
              : "frame-ancestors 'none'",
        );
      }
    });
    next();
  };
}
