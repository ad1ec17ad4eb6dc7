import { expect, it } from "vitest";
import { markdownToHtml, markdownToPlainText } from "./markdown.server";

it("renders an organiser's Markdown without letting markup or script links through", () => {
  const html = markdownToHtml(
    [
      "# Velkommen",
      "Møtet er **åpent** for alle. Les [mer](https://roros.kommune.no).",
      '<script>alert("x")</script><b onclick="x()">fet</b>',
      "[klikk](javascript:alert(1)) ![bilde](https://evil.example/x.png)",
      "- punkt én\n- punkt to",
    ].join("\n\n"),
  );
  expect(html).toContain("<h3>Velkommen</h3>");
  expect(html).toContain("<strong>åpent</strong>");
  expect(html).toContain('<a href="https://roros.kommune.no">mer</a>');
  expect(html).toContain("<li>punkt én</li>");
  expect(html).not.toMatch(/<script|onclick|<b |javascript:|<img/i);
});

it("turns an organiser's Markdown into the plain text the page shows, links with their address", () => {
  const markdown = [
    "# Velkommen til *møtet*",
    "Møtet er **åpent** for alle,\nogså naboene. Les [planen](https://roros.kommune.no/plan),",
    "skriv til <post@roros.kommune.no> eller se <https://roros.kommune.no>. `kode` og \\*stjerne\\*.",
    '<script>alert("x")</script>',
    "[klikk](javascript:alert(1)) ![bilde](https://evil.example/x.png) [ref][1]",
    "1. punkt én\n2. punkt to\n   - under",
    "> sitat",
    "---",
    "[1]: https://example.no/ref",
  ].join("\n\n");
  expect(markdownToPlainText(markdown)).toBe(
    [
      "Velkommen til møtet",
      "Møtet er åpent for alle, også naboene. Les planen (https://roros.kommune.no/plan),",
      "skriv til post@roros.kommune.no eller se https://roros.kommune.no. kode og *stjerne*.",
      "klikk ref (https://example.no/ref)",
      "1. punkt én\n2. punkt to\n   - under",
      "sitat",
    ].join("\n\n"),
  );
  // The summary is the first paragraph, not a heading.
  expect(markdownToPlainText(markdown, { summary: true })).toBe(
    "Møtet er åpent for alle, også naboene. Les planen (https://roros.kommune.no/plan),",
  );
  expect(markdownToPlainText("", { summary: true })).toBe("");
  expect(markdownToPlainText("- bare en liste", { summary: true })).toBe("- bare en liste");
});
