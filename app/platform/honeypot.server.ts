import { Honeypot, SpamError } from "remix-utils/honeypot/server";
import { env } from "./env.server";

let instance: Honeypot | undefined;

export function honeypot(): Honeypot {
  instance ??= new Honeypot({
    nameFieldName: "website",
    validFromFieldName: "from__confirm",
    encryptionSeed: env().sessionSecret,
  });
  return instance;
}

/** True when the form came from a bot (the hidden field filled, or a forged timestamp). */
export async function isSpam(formData: FormData): Promise<boolean> {
  // remix-utils skips its check when both fields are missing; our forms always send them.
  if (!formData.has("from__confirm")) return true;
  try {
    await honeypot().check(formData);
    return false;
  } catch (error) {
    if (error instanceof SpamError) return true;
    // A timestamp that cannot be decrypted is also a forged form.
    return true;
  }
}
