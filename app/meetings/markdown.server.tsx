import Markdown from "react-markdown";
import { renderToStaticMarkup } from "react-dom/server";

/**
 * An organiser's Markdown as HTML, rendered on the server only (the Markdown parser stays out
 * of the browser's JavaScript). Raw HTML is dropped, not rendered; link targets pass
 * react-markdown's URL check (no javascript:); images are unwrapped; headings are demoted
 * below the page's own section heading, so the outline stays right.
 */
export function markdownToHtml(markdown: string): string {
  const cached = rendered.get(markdown);
  if (cached !== undefined) return cached;
  const html = render(markdown);
  // A handful of meetings' descriptions: a small cache, emptied when it grows.
  if (rendered.size >= 100) rendered.clear();
  rendered.set(markdown, html);
  return html;
}

// Parsing Markdown costs more than the rest of the meeting page together; descriptions change
// rarely, so each text is rendered once.
const rendered = new Map<string, string>();

function render(markdown: string): string {
  return renderToStaticMarkup(
    <Markdown
      skipHtml
      disallowedElements={["img"]}
      unwrapDisallowed
      components={{ h1: "h3", h2: "h3", h3: "h4", h4: "h5" }}
    >
      {markdown}
    </Markdown>,
  );
}
