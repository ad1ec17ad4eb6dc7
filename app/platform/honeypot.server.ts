import { Honeypot, SpamError } from "remix-utils/honeypot/server";
import { env } from "./env.server";

const VALID_FROM_FIELD = "from__confirm";
let instance: Honeypot | undefined;

export function honeypot(): Honeypot {
  instance ??= new Honeypot({
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
