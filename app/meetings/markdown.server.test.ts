import { expect, it } from "vitest";
import { markdownToHtml } from "./markdown.server";

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
