/**
 * One render for many mails that differ only in a few personal strings (ADR 0018).
 *
 * A reminder to 10,000 attendees is the same mail 10,000 times but for the name and the
 * personal link. Rendering it with React and turning the HTML into plain text costs about
 * 3.5 ms of the server's one thread each time; a fan-out could never reach the SMTP peer's
 * speed that way. Here a template's personal strings are swapped for tokens, the mail is
 * rendered once per remaining content (meeting, language, kind, status, party size…), and
 * each recipient's copy is the skeleton with their strings put back: escaped as React escapes
 * text and attributes in the HTML, as html-to-text leaves them in the plain text.
 *
 * The first copy of each skeleton is checked against a render of its own: a template that
 * changes a personal string on the way (upper-cases it, cuts it) makes the skeleton unusable,
 * and that content is then rendered for each mail as before. Nothing a recipient typed can
 * reach the markup: their strings are escaped on the way in, exactly as React would.
 */
import { randomBytes } from "node:crypto";

export interface Rendered {
  html: string;
  text: string;
}

/** How a template's personal strings are read from its props and replaced in them. */
export interface Slots<P> {
  /** The strings as the template shows them. */
  read(props: P): string[];
  /** The props with those strings replaced (same order). */
  write(props: P, values: string[]): P;
}

/**
 * A waitlist place as a slot: the template only ever shows it as text, so a token can stand in
 * for the number (the check of each skeleton's first copy would catch a template that did
 * arithmetic with it). Without it every waitlisted person's mail would be a content of its
 * own, rendered twice. No place (null) is no slot, and stays part of the content.
 */
export const waitlistPlace = {
  read: (place: number | null): string[] => (place === null ? [] : [String(place)]),
  write: (place: number | null, value: string | undefined): number | null =>
    place === null ? null : (value as unknown as number),
};

// React's escaping for text and attribute values (react-dom/server): the same five characters.
const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#x27;",
};
const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

// html-to-text's whitespace (its default whitespaceCharacters): runs become one space.
const collapseWhitespace = (value: string) => value.replace(/[ \t\r\n\f\u200b]+/g, " ");

function fill(skeleton: Rendered, tokens: string[], values: string[]): Rendered {
  let { html, text } = skeleton;
  tokens.forEach((token, i) => {
    const value = values[i]!;
    // A function, so that "$&" in a name is not read as a replacement pattern.
    html = html.replaceAll(token, () => escapeHtml(value));
    text = text.replaceAll(token, () => collapseWhitespace(value));
  });
  return { html, text };
}

type Entry = { skeleton: Rendered } | { skeleton: null };

/**
 * A cache of skeletons, the most recently used `limit` kept. `render` is the template's own
 * render (React, then plain text); it is called once per new content, twice for its first
 * mail (the skeleton and the check).
 */
export function createSkeletonCache(limit = 64) {
  // Letters and digits only: nothing in React, HTML or html-to-text changes them. Random per
  // process, so no text typed in a form can contain one.
  const prefix = `fmslot${randomBytes(6).toString("hex")}n`;
  const entries = new Map<string, Entry>();

  return async function renderShared<P>(
    props: P,
    slots: Slots<P>,
    render: (props: P) => Promise<Rendered>,
  ): Promise<Rendered> {
    const values = slots.read(props);
    const tokens = values.map((_, i) => `${prefix}${i}x`);
    const shared = slots.write(props, tokens);
    const key = JSON.stringify(shared);
    const entry = entries.get(key);
    if (entry) {
      // Most recently used last: Map keeps insertion order.
      entries.delete(key);
      entries.set(key, entry);
      return entry.skeleton ? fill(entry.skeleton, tokens, values) : render(props);
    }
    const [skeleton, own] = await Promise.all([render(shared), render(props)]);
    const filled = fill(skeleton, tokens, values);
    const usable = filled.html === own.html && filled.text === own.text;
    entries.set(key, { skeleton: usable ? skeleton : null });
    if (entries.size > limit) entries.delete(entries.keys().next().value!);
    return own;
  };
}
