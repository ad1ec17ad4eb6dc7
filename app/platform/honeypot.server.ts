import { Honeypot, SpamError } from "remix-utils/honeypot/server";
import { env } from "./env.server";

const VALID_FROM_FIELD = "from__confirm";
/** Timestamps remembered: the forms in use carry one per minute they were loaded in. */
const REMEMBERED = 256;
/**
 * What our own encrypted timestamps look like (56 characters of base64). The decoder skips
 * whitespace, so one of them padded with spaces would decrypt too: such a value is checked,
 * never remembered, and the memory stays a few kilobytes whatever is posted.
 */
const OWN_VALUE = /^[A-Za-z0-9+/]{1,88}={0,2}$/;

/**
 * The library's honeypot, remembering what its recent timestamps decrypt to. Every form
 * loaded in the same minute carries the same encrypted timestamp (honeypotInputProps), and
 * each check decrypted it again: a SHA-256 of the seed, a key import and the AES-GCM
 * decryption, about a third of a millisecond of a sign-up's thread. A value that does not
 * decrypt is never remembered (AES-GCM authenticates it, so only our own values are), and
 * the library's checks of the time itself (not in the future) run on every post.
 */
class RememberingHoneypot extends Honeypot {
  readonly #decrypted = new Map<string, string>();

  protected override async decrypt(value: string): Promise<string> {
    const known = this.#decrypted.get(value);
    if (known !== undefined) return known;
    const plain = await super.decrypt(value);
    if (!OWN_VALUE.test(value)) return plain;
    this.#decrypted.set(value, plain);
    // The oldest goes first: a Map keeps its insertion order.
    if (this.#decrypted.size > REMEMBERED) {
      this.#decrypted.delete(this.#decrypted.keys().next().value!);
    }
    return plain;
  }
}

let instance: Honeypot | undefined;

export function honeypot(): Honeypot {
  instance ??= new RememberingHoneypot({
    nameFieldName: "website",
    validFromFieldName: VALID_FROM_FIELD,
    encryptionSeed: env().sessionSecret,
  });
  return instance;
}

/**
 * True when the form came from a bot: the hidden field filled, a forged timestamp, or no
 * timestamp at all. (The library skips its check when both fields are missing, so a bare
 * curl post would pass; every form we render carries the timestamp, so a post without it
 * did not come from our page.)
 */
export async function isSpam(formData: FormData): Promise<boolean> {
  const timestamp = formData.get(VALID_FROM_FIELD);
  if (typeof timestamp !== "string" || timestamp === "") return true;
  try {
    await honeypot().check(formData);
    return false;
  } catch (error) {
    if (error instanceof SpamError) return true;
    // A timestamp that cannot be decrypted is also a forged form.
    return true;
  }
}

type InputProps = Awaited<ReturnType<Honeypot["getInputProps"]>>;
const PROPS_TTL_MS = 60_000;
let cachedProps: { props: Promise<InputProps>; until: number } | undefined;

/**
 * The hidden fields for the root loader. One encrypted timestamp serves every page for a
 * minute: each page then renders the same bytes (so conditional GETs can answer 304) and a
 * page view costs no encryption. The timestamp is the minute's start, never in the future.
 */
export function honeypotInputProps(now = Date.now()): Promise<InputProps> {
  if (!cachedProps || now >= cachedProps.until) {
    const from = now - (now % PROPS_TTL_MS);
    cachedProps = {
      props: honeypot().getInputProps({ validFromTimestamp: from }),
      until: from + PROPS_TTL_MS,
    };
  }
  return cachedProps.props;
}
