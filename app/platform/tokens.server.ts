import { createHash, randomFillSync, randomInt } from "node:crypto";

/**
 * Random bits from the system's CSPRNG, as text, for nonces, ids and tokens. Each call of
 * `randomBytes` costs about 7 µs here however few bytes it asks for (a CSP nonce on every
 * response, 27 of them for a first visit to the meeting page), so they are drawn from a pool
 * filled 4 KB at a time (0.1 µs). Every byte is handed out once and zeroed when taken.
 */
const pool = Buffer.alloc(4096);
let taken = pool.length;

export function randomText(bytes: number, encoding: "base64" | "base64url" | "hex"): string {
  if (!Number.isInteger(bytes) || bytes < 1 || bytes > pool.length) {
    throw new RangeError(`randomText: ${bytes} bytes`);
  }
  if (taken + bytes > pool.length) {
    randomFillSync(pool);
    taken = 0;
  }
  const text = pool.toString(encoding, taken, taken + bytes);
  pool.fill(0, taken, taken + bytes);
  taken += bytes;
  return text;
}

/** A personal manage token: 256 random bits, URL-safe. Only its hash is stored. */
export const newManageToken = () => randomText(32, "base64url");

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** Looks like a token we issued; anything else is a 404 without a database look-up. */
export const isTokenShaped = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

// No 0/O, 1/I/L: read aloud at the door or typed from a phone, none of them can be taken for
// another, so a code needs no mapping of look-alikes when it is looked up.
const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/** A short human-readable check-in code such as "K7M-Q2P". */
export function newCheckInCode(): string {
  let code = "";
  for (let i = 0; i < 6; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return `${code.slice(0, 3)}-${code.slice(3)}`;
}

/**
 * A check-in code as typed at the door, reduced to its letters and digits in capitals: "rru
 * 77r", "RRU-77R", "RRU77R" and full-width "ＲＲＵ７７Ｒ" are all "RRU77R". Every path that
 * looks a code up compares these keys, never the text as typed.
 */
export function checkInCodeKey(input: string): string {
  return input
    .normalize("NFKC")
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "");
}
