import type { nb } from "./nb";

/** A text that depends on a number: chosen by Intl.PluralRules on the `count` variable. */
export interface Plural {
  /** Exactly zero, where the language says it differently. */
  readonly zero?: string;
  readonly one: string;
  /** Exactly two, in a language with a dual (South Sámi); "other" where it is not given. */
  readonly two?: string;
  readonly other: string;
}

type Bokmal = typeof nb;
export type TextKey = keyof Bokmal;

/** What another language must give: every bokmål key, a plural where bokmål has one. */
export type Catalogue = {
  readonly [K in TextKey]: Bokmal[K] extends string ? string : Plural;
};

// Shared with the app's catalogues (app/i18n imports these types; emails/ never imports app/).
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}`
  ? Name | Placeholders<Rest>
  : never;
/** The placeholder names of a text or plural, read from its wording at compile time. */
export type EntryVars<E> = E extends Plural
  ? "count" | Placeholders<E["one"]> | Placeholders<E["other"]>
  : Placeholders<E>;
/** The placeholder names of a text, read from its bokmål wording at compile time. */
export type TextVars<K extends TextKey> = EntryVars<Bokmal[K]>;
