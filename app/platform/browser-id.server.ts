/**
 * One browser, without accounts: a random id in a long-lived httpOnly cookie. It stands for
 * "one person" where the app needs one: one support per question ("Jeg lurer også på dette"),
 * and the per-person limits on public posts (ADR 0013), which let a hall of people on one
 * Wi-Fi take part while one of them cannot flood it.
 *
 * The cookie carries the id and an HMAC of it (keyed with the session secret), so an id the
 * app did not hand out is worth nothing: a script that makes up a new id for every post is a
 * newcomer every time, and newcomers per address are limited. Only the id's SHA-256 (`key`) is
 * stored (with a support, a sign-up), so the database cannot link a row back to a cookie.
 *
 * The cookie keeps the name it had when it was only for supports (fm_supporter), and an id
 * from then (unsigned) is kept and signed, so a browser keeps the supports it gave.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { createCookie } from "react-router";
import { env } from "./env.server";
import { hashToken, randomText } from "./tokens.server";

let instance: ReturnType<typeof createCookie> | undefined;
const cookie = () =>
  (instance ??= createCookie("fm_supporter", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 365 * 24 * 3600,
    secure: env().NODE_ENV === "production",
  }));

export interface BrowserId {
  /** What is stored and counted: the SHA-256 of the id. */
  key: string;
  /** The id was not one this app signed (no cookie, a made-up or an older unsigned one). */
  isNew: boolean;
  /** Set-Cookie for a new id; null when the browser already holds a signed one. */
  setCookie: string | null;
}

const ID = /^[A-Za-z0-9_-]{43}$/;
const SIGNATURE = /^[A-Za-z0-9_-]{22}$/;

const sign = (id: string, secret: string) =>
  createHmac("sha256", secret).update(`browser-id:${id}`).digest("base64url").slice(0, 22);

/** The id a cookie value holds, and whether this app signed it. */
function parseBrowserIdValue(
  value: unknown,
  secret = env().sessionSecret,
): { id: string; signed: boolean } | null {
  if (typeof value !== "string") return null;
  const [id, signature, ...rest] = value.split(".");
  if (rest.length > 0 || !id || !ID.test(id)) return null;
  if (signature === undefined) return { id, signed: false };
  if (!SIGNATURE.test(signature)) return null;
  const expected = Buffer.from(sign(id, secret));
  const given = Buffer.from(signature);
  return timingSafeEqual(expected, given) ? { id, signed: true } : null;
}

async function readValue(request: Request) {
  const value: unknown = await cookie().parse(request.headers.get("Cookie"));
  return parseBrowserIdValue(value);
}

/** The browser's key for loaders (which questions it supported), or null without an id. */
export async function readBrowserKey(request: Request): Promise<string | null> {
  const parsed = await readValue(request);
  return parsed ? hashToken(parsed.id) : null;
}

/**
 * The browser's id for a post: the one its cookie holds, or a new one (with the Set-Cookie
 * that gives it to the browser). An older unsigned id is kept, signed, and counts as new.
 */
export async function browserId(request: Request): Promise<BrowserId> {
  const parsed = await readValue(request);
  if (parsed?.signed) return { key: hashToken(parsed.id), isNew: false, setCookie: null };
  const id = parsed?.id ?? randomText(32, "base64url");
  return {
    key: hashToken(id),
    isNew: true,
    setCookie: await cookie().serialize(`${id}.${sign(id, env().sessionSecret)}`),
  };
}

/** Headers that give a new id to the browser, for any answer to a post. */
export const browserIdHeaders = (person: BrowserId): HeadersInit | undefined =>
  person.setCookie ? { "Set-Cookie": person.setCookie } : undefined;
