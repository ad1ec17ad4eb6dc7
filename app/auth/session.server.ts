/**
 * Server-side sessions: the cookie holds only a random id (signed), the database holds its
 * SHA-256. A stolen database gives no usable cookie, and logging out or changing a password
 * ends a session at once.
 */
import { createCookie, type Cookie } from "react-router";
import type { DB } from "../../db/connection";
import type { Organiser } from "../../db/organisers";
import {
  deleteExpiredSessions,
  deleteSession,
  deleteSessionsForOrganiser,
  getSessionWithOrganiser,
  insertSession,
  touchSession,
} from "../../db/sessions";
import { env } from "../platform/env.server";
import { hashToken, randomText } from "../platform/tokens.server";

const IDLE_MS = 8 * 3600_000;
const ABSOLUTE_MS = 24 * 3600_000;
// Writing last_seen_at on every request would make every page view a write.
const TOUCH_EVERY_MS = 60_000;

const SESSION_COOKIE = "__folkemote_session";

export interface SessionOptions {
  /** Newest first; older ones still verify, so the secret can be rotated. */
  secrets: string[];
  secure: boolean;
  /** For tests: the clock. */
  now?: () => Date;
}

const cookies = new Map<string, Cookie>();

function sessionCookie(options: SessionOptions): Cookie {
  const cacheKey = JSON.stringify([options.secrets, options.secure]);
  let cookie = cookies.get(cacheKey);
  if (!cookie) {
    cookie = createCookie(SESSION_COOKIE, {
      httpOnly: true,
      sameSite: "lax",
      secure: options.secure,
      path: "/",
      secrets: options.secrets,
      // The absolute limit, not the idle one: the server slides the idle limit without
      // re-sending the cookie, so an 8-hour cookie would end an active session at 8 hours.
      maxAge: ABSOLUTE_MS / 1000,
    });
    cookies.set(cacheKey, cookie);
  }
  return cookie;
}

/** Options given win; the rest comes from the environment (so tests needn't set it). */
function resolve(options?: Partial<SessionOptions>): SessionOptions {
  return {
    secrets: options?.secrets ?? [env().sessionSecret],
    secure: options?.secure ?? env().NODE_ENV === "production",
    now: options?.now,
  };
}

/** The session id hash in the request's cookie, or null when there is no valid cookie. */
async function idHashFrom(request: Request, options: SessionOptions): Promise<string | null> {
  const value: unknown = await sessionCookie(options).parse(request.headers.get("Cookie"));
  return typeof value === "string" && /^[A-Za-z0-9_-]{43}$/.test(value) ? hashToken(value) : null;
}

/**
 * Starts a session and returns the Set-Cookie header. Pass the login request as `replacing`
 * so a session id planted before login (session fixation) stops working.
 */
export async function createSession(
  db: DB,
  organiserId: number,
  options?: Partial<SessionOptions> & { replacing?: Request },
): Promise<string> {
  const resolved = resolve(options);
  const now = resolved.now?.() ?? new Date();
  if (options?.replacing) {
    const old = await idHashFrom(options.replacing, resolved);
    if (old) deleteSession(db, old);
  }
  // Logins are rare: a good moment to sweep out sessions nobody will use again.
  deleteExpiredSessions(db, now.toISOString());
  const id = randomText(32, "base64url");
  const expiresAt = new Date(now.getTime() + IDLE_MS).toISOString();
  insertSession(db, hashToken(id), organiserId, expiresAt, now.toISOString());
  return sessionCookie(resolved).serialize(id);
}

/** The logged-in organiser, or null (no cookie, bad signature, expired, revoked, disabled). */
export async function getOrganiser(
  db: DB,
  request: Request,
  options?: Partial<SessionOptions>,
): Promise<Organiser | null> {
  const resolved = resolve(options);
  const idHash = await idHashFrom(request, resolved);
  if (!idHash) return null;
  const now = resolved.now?.() ?? new Date();
  const found = getSessionWithOrganiser(db, idHash, now.toISOString());
  if (!found) return null;
  const { session, organiser } = found;
  if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
    const absoluteEnd = Date.parse(session.createdAt) + ABSOLUTE_MS;
    const expiresAt = Math.min(now.getTime() + IDLE_MS, absoluteEnd);
    touchSession(db, idHash, now.toISOString(), new Date(expiresAt).toISOString());
  }
  return organiser;
}

/** Logs out: deletes the session and returns a Set-Cookie header that clears the cookie. */
export async function destroySession(
  db: DB,
  request: Request,
  options?: Partial<SessionOptions>,
): Promise<string> {
  const resolved = resolve(options);
  const idHash = await idHashFrom(request, resolved);
  if (idHash) deleteSession(db, idHash);
  return sessionCookie(resolved).serialize("", { maxAge: 0, expires: new Date(0) });
}

/**
 * Ends the organiser's sessions, e.g. after a password change. With `exceptRequest`, the
 * session of that request (the organiser who changed their own password) is kept.
 * Returns how many were ended.
 */
export async function revokeAllSessions(
  db: DB,
  organiserId: number,
  exceptRequest?: Request,
  options?: Partial<SessionOptions>,
): Promise<number> {
  const keep = exceptRequest ? await idHashFrom(exceptRequest, resolve(options)) : null;
  return deleteSessionsForOrganiser(db, organiserId, keep ?? undefined);
}
