import { env } from "./env.server";
import { RateLimiter } from "./rate-limit.server";

let rsvp: RateLimiter | undefined;

/** RSVP posts per client IP; a household or an office behind one address still fits. */
export function rsvpLimiter(): RateLimiter {
  rsvp ??= new RateLimiter(env().RSVP_RATE_LIMIT, env().RSVP_RATE_WINDOW_SECONDS * 1000);
  return rsvp;
}
