/**
 * A meeting's address part (`/meetings/<slug>`) made from its title: the same function in the
 * browser (filled in live as the organiser types) and on the server (a slug left empty).
 */

// Letters NFKD does not take apart into a base letter and a mark.
const LETTERS: Record<string, string> = { æ: "ae", ø: "o", œ: "oe", ß: "ss", đ: "d", ł: "l" };

export const SLUG_MIN = 3;
export const SLUG_MAX = 80;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * "Informasjonsmøte om småhus – Gjøsvika" → "informasjonsmote-om-smahus-gjosvika": Norwegian
 * letters written the way Norwegians write them in addresses (æ → ae, ø → o, å → a), other
 * accents dropped, everything else a hyphen. Cut at a word boundary to fit SLUG_MAX, and
 * lengthened to SLUG_MIN, so the result always matches SLUG_PATTERN.
 */
export function slugFromTitle(title: string): string {
  const plain = title
    .toLowerCase()
    .replace(/[æøœßđł]/g, (c) => LETTERS[c]!)
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  let slug = plain.length > SLUG_MAX ? plain.slice(0, SLUG_MAX + 1) : plain;
  if (slug.length > SLUG_MAX) {
    const cut = slug.lastIndexOf("-");
    slug = cut >= SLUG_MIN ? slug.slice(0, cut) : slug.slice(0, SLUG_MAX);
  }
  slug = slug.replace(/-+$/, "");
  if (slug.length < SLUG_MIN) slug = slug ? `mote-${slug}` : "mote";
  return slug;
}

/**
 * The first of `base`, `base-2`, `base-3` … that `taken` says is free, kept within SLUG_MAX.
 */
export function freeSlug(base: string, taken: (slug: string) => boolean): string {
  if (!taken(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, "")}${suffix}`;
    if (!taken(candidate)) return candidate;
  }
}
