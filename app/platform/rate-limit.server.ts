import type { BrowserId } from "./browser-id.server";
import { env } from "./env.server";

/**
 * A fixed-window counter per key held in memory. One server process serves a municipality's
 * meetings, so a shared store would add a moving part without a benefit.
 */
export class RateLimiter {
  private hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** The seconds to wait if one more hit would pass `limit` (default: this limiter's), else null. */
  check(key: string, now = Date.now(), limit = this.limit): number | null {
    this.sweep(now);
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now || entry.count < limit) return null;
    return Math.max(1, Math.ceil((entry.resetAt - now) / 1000));
  }

  /** Counts one hit. */
  count(key: string, now = Date.now()) {
    const entry = this.hits.get(key);
    if (!entry || entry.resetAt <= now)
      this.hits.set(key, { count: 1, resetAt: now + this.windowMs });
    else entry.count++;
  }

  /** Counts one hit; returns the seconds to wait when over the limit, else null. */
  hit(key: string, now = Date.now()): number | null {
    const wait = this.check(key, now);
    if (wait === null) this.count(key, now);
    return wait;
  }

  private lastSweep = 0;
  private sweep(now: number) {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, entry] of this.hits) if (entry.resetAt <= now) this.hits.delete(key);
  }
}

/**
 * The public posts that are limited, each with its own counters: a hall supporting questions
 * never uses up what its sign-ups need.
 */
export type PostKind = "signUp" | "question" | "support";

interface Limiters {
  person: RateLimiter;
  address: RateLimiter;
}

const NEWCOMER_WINDOW_MS = 10 * 60_000;

interface AllLimiters {
  kinds: Record<PostKind, Limiters>;
  newcomers: RateLimiter;
}

let built: AllLimiters | undefined;
function limiters(): AllLimiters {
  if (built) return built;
  const e = env();
  const rsvpWindow = e.RSVP_RATE_WINDOW_SECONDS * 1000;
  const questionWindow = e.QUESTION_RATE_WINDOW_SECONDS * 1000;
  built = {
    kinds: {
      signUp: {
        person: new RateLimiter(e.RSVP_RATE_LIMIT, rsvpWindow),
        address: new RateLimiter(e.ADDRESS_RATE_LIMIT, rsvpWindow),
      },
      question: {
        person: new RateLimiter(e.QUESTION_RATE_LIMIT, questionWindow),
        address: new RateLimiter(e.ADDRESS_RATE_LIMIT, questionWindow),
      },
      support: {
        person: new RateLimiter(e.SUPPORT_RATE_LIMIT, questionWindow),
        address: new RateLimiter(e.ADDRESS_RATE_LIMIT, questionWindow),
      },
    },
    newcomers: new RateLimiter(e.NEW_VISITOR_LIMIT, NEWCOMER_WINDOW_MS),
  };
  return built;
}

/**
 * Where a post goes: its meeting, and whether that meeting's hall is in session (people on
 * the hall's Wi-Fi), when its per-address limits are `HALL_FACTOR` times higher. Limits that
 * are raised for one meeting's hall are counted apart from the address's other posts.
 */
export interface PostScope {
  meetingId: number;
  inHall: boolean;
}

/** The factor a scope's per-address limits are multiplied by. */
export const addressFactor = (scope: PostScope) => (scope.inHall ? env().HALL_FACTOR : 1);

/**
 * Why a post is refused: `person` when this browser has posted too much (waiting helps),
 * `network` when its address has (many people on one network, or someone pretending to be).
 */
export interface PostRefusal {
  reason: "person" | "network";
  retryAfter: number;
}

/**
 * One public post (a sign-up, a question, a support) through every limit at once: per person
 * (the browser id), new people per address, and posts per address. It is counted only when
 * every limit lets it through, so a script hammering past its own limit uses up nothing the
 * others on its network need. Null when admitted.
 */
export function admitPost(
  kind: PostKind,
  { address, person, scope }: { address: string; person: BrowserId; scope: PostScope },
  now = Date.now(),
): PostRefusal | null {
  const all = limiters();
  const { person: perPerson, address: perAddress } = all.kinds[kind];
  const factor = addressFactor(scope);
  const place = scope.inHall ? `${address} hall:${scope.meetingId}` : address;
  const personWait = perPerson.check(person.key, now);
  if (personWait !== null) return { reason: "person", retryAfter: personWait };
  const waits = [
    perAddress.check(place, now, perAddress.limit * factor),
    person.isNew ? all.newcomers.check(place, now, all.newcomers.limit * factor) : null,
  ].filter((w): w is number => w !== null);
  if (waits.length > 0) return { reason: "network", retryAfter: Math.max(...waits) };
  perPerson.count(person.key, now);
  perAddress.count(place, now);
  if (person.isNew) all.newcomers.count(place, now);
  return null;
}

/**
 * A new browser id handed out outside a post (the hall's QR link gives phones theirs before
 * they post): counted as a newcomer; false when the address has had too many.
 */
export function admitNewcomer(address: string, scope: PostScope, now = Date.now()): boolean {
  const { newcomers } = limiters();
  const place = scope.inHall ? `${address} hall:${scope.meetingId}` : address;
  if (newcomers.check(place, now, newcomers.limit * addressFactor(scope)) !== null) return false;
  newcomers.count(place, now);
  return true;
}

/** For tests that run the limits in one process with other settings. */
export function resetLimitersForTests() {
  built = undefined;
}
