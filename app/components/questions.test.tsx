import { renderToStaticMarkup } from "react-dom/server";
import { createRoutesStub } from "react-router";
import { expect, it } from "vitest";
import { renderEmail } from "../../emails/render";
import { translator } from "~/i18n";
import { Paragraphs } from "./after-meeting";
import { QuestionItem } from "./question-list";

const hostile = `<img src=x onerror="alert(1)"><script>alert(2)</script> =HYPERLINK("http://x")`;

it("shows a hostile question, name and answer as text, never as markup", () => {
  const Stub = createRoutesStub([
    {
      path: "/",
      Component: () => (
        <ul>
          <QuestionItem
            question={{
              id: 7,
              text: hostile,
              askerName: `"><svg onload=x>`,
              supportCount: 2,
              answer: hostile,
              answered: true,
              supported: false,
            }}
            slug="mote"
            t={translator()}
            showAnswer
            returnTo="/meetings/mote"
            nowAnswering={false}
          />
        </ul>
      ),
    },
  ]);
  const html =
    renderToStaticMarkup(<Stub initialEntries={["/"]} />) +
    renderToStaticMarkup(<Paragraphs text={hostile} />);
  expect(html).not.toMatch(/<(img|script|svg)\b|onerror="/i);
  expect(html).toContain("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;script&gt;");
  expect(html).toContain("Spurt av &quot;&gt;&lt;svg onload=x&gt;");
});

it("keeps hostile text out of mail markup and headers", async () => {
  const { html, text, subject } = await renderEmail("question-notice", {
    kind: "answered",
    meetingTitle: "Møte\r\nBcc: evil@example.com",
    question: hostile,
    answer: hostile,
    url: "https://folkemote.example/meetings/mote/questions#question-7",
  });
  expect(html).not.toMatch(/<img src=x|<script>/i);
  expect(text).toContain("<script>alert(2)</script>");
  expect(subject).not.toMatch(/[\r\n]/);
  await expect(
    renderEmail("question-notice", {
      kind: "answered",
      meetingTitle: "M",
      question: "Q",
      answer: null,
      url: "javascript:alert(1)",
    }),
  ).rejects.toThrow(/url/);
});
