import { randomBytes } from "node:crypto";
import { createCookie } from "react-router";
import { env } from "../platform/env.server";
import { hashToken } from "../platform/tokens.server";

/**
 * "One support per person per question" without accounts: a random id in a long-lived,
 * httpOnly cookie. Only its SHA-256 is stored with a support, so the database cannot link
 * supports back to a browser's cookie. Someone who clears cookies can support again; the
 * per-IP rate limit on support posts bounds that.
 */
let instance: ReturnType<typeof createCookie> | undefined;
const supporterCookie = () =>
  (instance ??= createCookie("fm_supporter", {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    maxAge: 365 * 24 * 3600,
    secure: env().NODE_ENV === "production",
  }));

const isSupporterId = (v: unknown): v is string =>
  typeof v === "string" && /^[A-Za-z0-9_-]{43}$/.test(v);

/** The person's supporter key, or null when the browser has no supporter cookie yet. */
export async function readSupporterKey(request: Request): Promise<string | null> {
  const value: unknown = await supporterCookie().parse(request.headers.get("Cookie"));
  return isSupporterId(value) ? hashToken(value) : null;
}

/** The supporter key, making a new cookie when there is none; setCookie is null when unchanged. */
export async function supporterKey(
  request: Request,
): Promise<{ key: string; setCookie: string | null }> {
  const value: unknown = await supporterCookie().parse(request.headers.get("Cookie"));
  if (isSupporterId(value)) return { key: hashToken(value), setCookie: null };
  const fresh = randomBytes(32).toString("base64url");
  return { key: hashToken(fresh), setCookie: await supporterCookie().serialize(fresh) };
}
