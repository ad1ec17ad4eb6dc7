import type { Nodes, Parents, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import Markdown, { defaultUrlTransform } from "react-markdown";
import { renderToStaticMarkup } from "react-dom/server";
import { memo } from "../platform/memo";

/**
 * An organiser's Markdown as HTML, rendered on the server only (the Markdown parser stays out
 * of the browser's JavaScript). Raw HTML is dropped, not rendered; link targets pass
 * react-markdown's URL check (no javascript:); images are unwrapped; headings are demoted
 * below the page's own section heading, so the outline stays right.
 */
export function markdownToHtml(markdown: string): string {
  return rendered(markdown, () => render(markdown));
}

/**
 * An organiser's Markdown as plain text, for calendar files and their links, which show text
 * as it is (`**åpent**` would stay starred). Parsed as the page parses it (react-markdown's
 * parser, mdast), so it says what the page says: emphasis and headings become their words,
 * list items lines of their own, raw HTML and images are dropped as on the page, and a link
 * keeps its address after its text, "Planen (https://…)", if react-markdown's URL check lets
 * it through. Blocks are separated by a blank line. `summary` keeps only the first paragraph.
 */
export function markdownToPlainText(markdown: string, { summary = false } = {}): string {
  const text = plain(markdown, () => blocks(fromMarkdown(markdown)));
  if (!summary) return text.map((b) => b.text).join("\n\n");
  return (text.find((b) => b.paragraph) ?? text[0])?.text ?? "";
}

// Parsing Markdown costs more than the rest of the meeting page together; descriptions change
// rarely, so each text is parsed once. A handful of meetings' texts: small caches, emptied
// when they grow.
const rendered = memo<string>(100);
const plain = memo<Block[]>(100);

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

interface Block {
  text: string;
  paragraph: boolean;
}

/** The top-level blocks' text, empty ones (raw HTML, rules, definitions) left out. */
function blocks(root: Root): Block[] {
  const definitions = new Map<string, string>();
  for (const node of root.children) {
    if (node.type === "definition") definitions.set(node.identifier, node.url);
  }
  const linkText = (children: Nodes[], url: string) => {
    const label = children.map(inline).join("");
    const href = defaultUrlTransform(url);
    const shown = href.startsWith("mailto:") ? href.slice("mailto:".length) : href;
    return href === "" || shown === label ? label : `${label} (${shown})`;
  };
  function inline(node: Nodes): string {
    switch (node.type) {
      case "text":
        // A line break inside a paragraph is a space on the page.
        return node.value.replace(/[ \t]*\n[ \t]*/g, " ");
      case "inlineCode":
        return node.value;
      case "break":
        return "\n";
      case "link":
        return linkText(node.children, node.url);
      case "linkReference": {
        const url = definitions.get(node.identifier);
        return url === undefined
          ? node.children.map(inline).join("")
          : linkText(node.children, url);
      }
      case "image":
      case "imageReference":
      case "html":
        return "";
      default:
        return "children" in node ? (node as Parents).children.map(inline).join("") : "";
    }
  }
  function block(node: Nodes): string {
    switch (node.type) {
      case "paragraph":
      case "heading":
        // Spaces collapse on the page too (where an image was dropped, say).
        return node.children
          .map(inline)
          .join("")
          .replace(/[ \t]{2,}/g, " ")
          .trim();
      case "code":
        return node.value;
      case "blockquote":
        return node.children.map(block).filter(Boolean).join("\n\n");
      case "list":
        return node.children
          .map((item, i) => {
            const marker = node.ordered ? `${(node.start ?? 1) + i}. ` : "- ";
            const body = item.children.map(block).filter(Boolean).join("\n");
            return marker + body.replaceAll("\n", `\n${" ".repeat(marker.length)}`);
          })
          .join("\n");
      default:
        return "";
    }
  }
  return root.children
    .map((node) => ({ text: block(node), paragraph: node.type === "paragraph" }))
    .filter((b) => b.text !== "");
}
