// A visitor without cookies may get a public page that was kept, without its loaders running
// (page-cache.server.ts, ADR 0019). That is right only while such a page's loader data depends
// on nothing but its URL, the database, the build and the minute, the freshness token's parts.
// This walks every public page in app/routes.ts (and the root layout) and fails on a loader
// that reads what the token does not hold: the request's headers, the load context (client
// address, nonce), or a random value.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../db/connection";
import { flatRoutes } from "../testing/routes";
import { isSharedPath } from "./paths";

const appDir = path.join(projectRoot(), "app");

/** What a loader may not read when its page can be answered from the kept copy. */
const OUTSIDE_THE_TOKEN = [
  { pattern: /\brequest\.headers\b/, what: "the request's headers" },
  { pattern: /\bcontext\b/, what: "the load context" },
  { pattern: /\bclientIp\b/, what: "the client's address" },
  { pattern: /\bMath\.random\b|\brandom(Bytes|UUID|Int)\b/, what: "a random value" },
];

/** The text of a module's `loader` (function or const), or null when it has none. */
function loaderText(file: string): string | null {
  const source = ts.createSourceFile(
    file,
    fs.readFileSync(file, "utf8"),
    ts.ScriptTarget.Latest,
    true,
  );
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name?.text === "loader")
      return statement.getText(source);
    if (ts.isVariableStatement(statement))
      for (const declaration of statement.declarationList.declarations)
        if (ts.isIdentifier(declaration.name) && declaration.name.text === "loader")
          return declaration.getText(source);
  }
  return null;
}

/** Route modules that render a document (a default export) on a public path. */
function publicPageModules(): string[] {
  const files = flatRoutes()
    .filter((r) => r.page && isSharedPath(r.path))
    .map((r) => path.join(appDir, r.file))
    .filter((file) => /export default\b/.test(fs.readFileSync(file, "utf8")));
  return [...new Set([path.join(appDir, "root.tsx"), ...files])];
}

describe("public pages' loaders read only what the kept page's freshness token holds", () => {
  const modules = publicPageModules();

  it("finds the public pages, the meeting page among them", () => {
    const names = modules.map((file) => path.relative(appDir, file));
    expect(names).toContain("routes/meeting.tsx");
    expect(names).toContain("routes/home.tsx");
    expect(names).not.toContain("routes/manage.tsx");
    expect(names.some((name) => name.startsWith("routes/admin/"))).toBe(false);
  });

  it.each(modules.map((file) => [path.relative(appDir, file), file]))("%s", (_name, file) => {
    const text = loaderText(file);
    if (text === null) return;
    const read = OUTSIDE_THE_TOKEN.filter(({ pattern }) => pattern.test(text)).map(
      ({ what }) => what,
    );
    expect(read).toEqual([]);
  });

  it("would notice a loader that reads a header or the client's address", () => {
    const dir = fs.mkdtempSync(path.join(projectRoot(), "node_modules", ".kept-page-"));
    try {
      const file = path.join(dir, "wrong.tsx");
      fs.writeFileSync(
        file,
        "export async function loader({ request, context }) {\n" +
          '  return { ua: request.headers.get("user-agent"), ip: clientIp(context) };\n}\n',
      );
      const text = loaderText(file)!;
      expect(OUTSIDE_THE_TOKEN.filter(({ pattern }) => pattern.test(text)).length).toBe(3);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
