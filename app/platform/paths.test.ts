import { ESLint } from "eslint";
import { href } from "react-router";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../db/connection";
import { meetingSchema } from "../meetings/forms";
import { slugFromTitle } from "../meetings/slug";
import { absoluteUrl } from "./paths";
import { isTokenShaped, newManageToken } from "./tokens.server";

describe("absoluteUrl", () => {
  it("joins PUBLIC_URL and a path from href(), with or without a trailing slash", () => {
    const path = href("/meetings/:slug/questions", { slug: "smahus-gjosvika" });
    expect(absoluteUrl("https://moter.roros.kommune.no", path)).toBe(
      "https://moter.roros.kommune.no/meetings/smahus-gjosvika/questions",
    );
    expect(absoluteUrl("https://moter.roros.kommune.no//", `${path}?from=hall`)).toBe(
      "https://moter.roros.kommune.no/meetings/smahus-gjosvika/questions?from=hall",
    );
  });
});

// paths.ts passes params to href() unencoded because they never need encoding. If the slug
// rule or the token alphabet ever lets in a character that does, these fail first.
describe("path params are URL-safe by construction", () => {
  it("every slug the meeting form accepts is unchanged by percent-encoding", () => {
    const candidates = [
      "smahus-gjosvika",
      "smahus-gjosvika-kopi-2",
      "SMAHUS",
      "møte-på-røros",
      "a b c",
      "møte/2027",
      "møte?x=1",
      "møte#rsvp",
      "100%-klart",
      "møte%2F2027",
      "a+b",
      "quote'slug",
      "<script>",
    ];
    const accepted = candidates.flatMap((slug) => {
      const parsed = meetingSchema.shape.slug.safeParse(slug);
      return parsed.success && parsed.data ? [parsed.data] : [];
    });
    expect(accepted).toEqual(["smahus-gjosvika", "smahus-gjosvika-kopi-2", "smahus"]);
    for (const slug of accepted) expect(encodeURIComponent(slug)).toBe(slug);
    // So is every address the editor makes from a title, whatever the title holds.
    for (const title of [...candidates, "Møte «Æ, Ø og Å» 100 % / 2027?", "日本語", "<b>#1</b>"]) {
      const made = slugFromTitle(title);
      expect(meetingSchema.shape.slug.safeParse(made).success).toBe(true);
      expect(encodeURIComponent(made)).toBe(made);
    }
  });

  it("every token we issue is unchanged by percent-encoding", () => {
    for (let i = 0; i < 500; i++) {
      const token = newManageToken();
      expect(isTokenShaped(token)).toBe(true);
      expect(encodeURIComponent(token)).toBe(token);
    }
  });
});

describe("the lint guard against hand-built paths", () => {
  const eslint = new ESLint({ cwd: projectRoot() });
  const source = [
    'import { href } from "react-router";',
    "export const paths = (slug: string, id: number, publicUrl: string) => [",
    "  `/meetings/${slug}/questions`,",
    '  "/admin/organisers?added=1",',
    "  `${publicUrl}/r/${slug}`,",
    '  "/privacy",',
    '  href("/admin/meetings/:id", { id: String(id) }),',
    '  `${href("/meetings/:slug", { slug })}#rsvp-heading`,',
    '  "/healthz",',
    "];",
  ].join("\n");
  const flaggedLines = async (filePath: string) => {
    const [result] = await eslint.lintText(source, { filePath: `${projectRoot()}/${filePath}` });
    return result!.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.line);
  };

  it("flags literal paths to our pages in app/ and emails/, not href() or other paths", async () => {
    expect(await flaggedLines("app/routes/example.tsx")).toEqual([3, 4, 5, 6]);
    expect(await flaggedLines("emails/example.tsx")).toEqual([3, 4, 5, 6]);
  });

  it("leaves test files alone: literal paths are what they assert", async () => {
    expect(await flaggedLines("app/routes/example.test.ts")).toEqual([]);
  });
});
