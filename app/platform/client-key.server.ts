import { createHmac } from "node:crypto";
import { env } from "./env.server";

/**
 * What the database keeps of a client address: an HMAC keyed with the session secret. It lets
 * the app count and group sign-ups from one source without storing the address, and cannot be
 * turned back into an address without the secret (the IPv4 space is small enough to try
 * every address against a plain hash).
 */
export function clientKey(ip: string, secret = env().sessionSecret): string {
  return createHmac("sha256", secret).update(`client-ip:${ip}`).digest("base64url").slice(0, 22);
}
