import { env } from "./env.server";

/**
 * A fixed-window counter per key (client IP) held in memory. One server process serves a
 * municipality's meetings, so a shared store would add a moving part without a benefit.
 */
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one hit; returns the seconds to wait when over the limit, else null. */
  hit(key: string, now = Date.now()): number | null {
    this.sweep(now);
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now) {
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
      return null;
    }
    entry.count++;
    if (entry.count <= this.limit) return null;
    return Math.ceil((entry.resetAt - now) / 1000);
  }

  private lastSweep = 0;
  private sweep(now: number) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}

// --- The limiters the app uses, built once from the validated settings ---

let rsvp: RateLimiter | undefined;

/** RSVP posts per client IP; a household or an office behind one address still fits. */
export function rsvpLimiter(): RateLimiter {
  rsvp ??= new RateLimiter(env().RSVP_RATE_LIMIT, env().RSVP_RATE_WINDOW_SECONDS * 1000);
  return rsvp;
}

let question: RateLimiter | undefined;

/** Question posts (send, edit, withdraw, subscribe) per client IP. */
export function questionLimiter(): RateLimiter {
  question ??= new RateLimiter(
    env().QUESTION_RATE_LIMIT,
    env().QUESTION_RATE_WINDOW_SECONDS * 1000,
  );
  return question;
}

let support: RateLimiter | undefined;

/**
 * "Jeg lurer også på dette" clicks per client IP, in the question window: the cookie keeps one
 * support per person; this bounds someone who clears cookies to inflate a count.
 */
export function supportLimiter(): RateLimiter {
  support ??= new RateLimiter(env().SUPPORT_RATE_LIMIT, env().QUESTION_RATE_WINDOW_SECONDS * 1000);
  return support;
}
