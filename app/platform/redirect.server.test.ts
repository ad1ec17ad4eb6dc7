import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../db/connection";
import { languageSwitch } from "./language.server";
import { localPath, redirect } from "./redirect.server";

/** Where a browser on our site goes with this Location. */
const lands = (location: string) => new URL(location, "https://moter.roros.kommune.no/a/b").origin;

// Each of these, as a Location, takes a browser to another site.
const leaving = [
  "//evil.example/",
  "//evil.example",
  "/\\evil.example/",
  "\\\\evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  " //evil.example",
  "https://evil.example/",
  "http:evil.example",
  "javascript:alert(1)",
  "evil.example",
  "///evil.example",
];

describe("localPath", () => {
  it("keeps paths on our site, written out in full", () => {
    expect(localPath("/admin/meetings?page=2", "/admin")).toBe("/admin/meetings?page=2");
    expect(localPath("/meetings/x/questions?sort=new#question-3", "/")).toBe(
      "/meetings/x/questions?sort=new#question-3",
    );
    expect(localPath("/admin/meetings/1/checkin?q=Kari Nordmann", "/")).toBe(
      "/admin/meetings/1/checkin?q=Kari%20Nordmann",
    );
    expect(localPath("/meetings/x/questions/../../..//evil.example", "/")).toBe("/evil.example");
    expect(localPath("/.//evil.example", "/")).toBe("/evil.example");
  });

  it("gives the fallback for anything that would leave it", () => {
    for (const value of [...leaving, "", "admin", null, undefined, 42]) {
      expect(localPath(value, "/admin"), JSON.stringify(value)).toBe("/admin");
    }
  });

  it("never returns a Location that leaves our origin, whatever the path", () => {
    const tricky = [
      ...leaving,
      "/..//evil.example",
      "/./\\/evil.example",
      "/%5Cevil.example",
      "/%2F%2Fevil.example",
      "/@evil.example",
      "/x/../../../..//evil.example/",
    ];
    for (const value of tricky) {
      const location = redirect(value).headers.get("Location")!;
      expect(lands(location), `${JSON.stringify(value)} → ${location}`).toBe(
        "https://moter.roros.kommune.no",
      );
      expect(location.startsWith("//"), location).toBe(false);
    }
  });
});

describe("the language switch's redirect", () => {
  // The request's URL as the adapter builds it from the raw path (server.js).
  const switched = (rawPath: string) =>
    languageSwitch(new Request(`http://localhost${rawPath}`))?.headers.get("Location");

  it("stays on our origin for paths that name another host", () => {
    for (const raw of [
      "//evil.example/?lang=nn",
      "/\\evil.example/?lang=en",
      "/..//evil.example?lang=nn",
      "/.//evil.example?lang=en",
      "/%2e%2e//evil.example/?lang=nn",
      "///evil.example/?lang=nn",
      "/\\/evil.example/?lang=nn",
    ]) {
      const location = switched(raw)!;
      expect(location, raw).toBeTruthy();
      expect(lands(location), `${raw} → ${location}`).toBe("https://moter.roros.kommune.no");
      expect(location.startsWith("//"), location).toBe(false);
    }
  });

  it("still goes back to the page it was on", () => {
    expect(switched("/meetings/x/questions?sort=new&lang=nn")).toBe(
      "/meetings/x/questions?sort=new",
    );
    expect(switched("/?lang=en")).toBe("/");
  });
});

describe("the lint guard for redirects", () => {
  const eslint = new ESLint({ cwd: projectRoot() });
  const flagged = async (filePath: string, source: string) => {
    const [result] = await eslint.lintText(source, { filePath: `${projectRoot()}/${filePath}` });
    return result!.messages.filter((m) => m.ruleId === "no-restricted-imports").length;
  };
  const frameworks = 'import { data, redirect } from "react-router";\nexport { data, redirect };\n';

  it("refuses React Router's redirect in routes and services, not ours", async () => {
    expect(await flagged("app/routes/example.tsx", frameworks)).toBe(1);
    expect(await flagged("app/auth/example.server.ts", frameworks)).toBe(1);
    const ours = 'import { redirect } from "~/platform/redirect.server";\nexport { redirect };\n';
    expect(await flagged("app/routes/example.tsx", ours)).toBe(0);
  });

  it("still keeps routes away from the database", async () => {
    const db = 'import { openDatabase } from "../../db/connection";\nexport { openDatabase };\n';
    expect(await flagged("app/routes/example.tsx", db)).toBe(1);
  });
});
