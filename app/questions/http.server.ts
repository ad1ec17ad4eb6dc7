import { msg } from "../i18n";
import type { RateLimiter } from "../platform/rate-limit.server";

/** Request plumbing shared by the question routes (forms are read by platform/forms.server.ts). */

/** Counts one hit; over the limit, the form error key and the Retry-After seconds. */
export function overLimit(
  limiter: RateLimiter,
  ip: string,
): { message: string; retryAfter: number } | null {
  const wait = limiter.hit(ip);
  if (wait === null) return null;
  const minutes = Math.max(1, Math.ceil(wait / 60));
  return {
    message: msg("questions.rateLimited", { count: minutes }),
    retryAfter: wait,
  };
}
