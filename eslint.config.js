import fs from "node:fs";
import path from "node:path";
import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

// "/meetings/…", "/admin", "/r/…", "/question/…", "/q/…", "/updates/…", "/privacy", "/calendar.ics",
// with or without a query string or fragment.
const ownPath = String.raw`/^\/(?:(?:meetings|admin|r|question|q|updates)(?:[\/?#]|$)|(?:privacy|calendar\.ics)(?:[?#]|$))/`;
const ownPathMessage =
  'Build paths to our own pages with href() from "react-router" (absoluteUrl() from ' +
  "app/platform/paths for mails and calendars); append query strings and fragments after it.";
const ownPathSelectors = [
  {
    selector: `Literal[value=${ownPath}]:not(CallExpression[callee.name="href"] > Literal)`,
    message: ownPathMessage,
  },
  { selector: `TemplateElement[value.raw=${ownPath}]`, message: ownPathMessage },
];

const ownRedirect = {
  name: "react-router",
  importNames: ["redirect", "redirectDocument", "replace"],
  message:
    "Redirect with redirect() from app/platform/redirect.server.ts: it keeps every redirect on our own origin.",
};

// The common-password list is 4 MB of heap: app/auth/password.server.ts imports it at the
// first password check (import(), which this rule lets through), never at boot (ADR 0009).
const passwordList = {
  name: "@zxcvbn-ts/language-common",
  message: "Load it with import() at the first use, as app/auth/password.server.ts does.",
};

// The folders under app/ depend in one direction: a module imports only from its own folder and
// from folders on an earlier line (README, "Architecture"). Folders on one line know nothing of
// each other. Files directly in app/ (root.tsx, entry.*, services.server.ts, the composition)
// stand on the last line with the routes. Tests and app/testing/ may import anything; nothing
// else imports app/testing/.
export const folderOrder = [
  ["i18n"],
  ["platform"],
  ["mail", "exports"],
  ["auth", "translations"],
  ["meetings"],
  ["registrations"],
  ["questions", "reminders", "notices"],
  ["dashboard", "own-data"],
  ["components"],
  ["routes", "(app)"],
];
const appDir = path.resolve(import.meta.dirname, "app");
const rankOf = new Map(folderOrder.flatMap((line, rank) => line.map((f) => [f, rank])));

/** The folder under app/ a path lies in: "(app)" for a file directly in it, null outside. */
function appFolder(file) {
  const relative = path.relative(appDir, file);
  if (relative.startsWith("..") || path.isAbsolute(relative)) return null;
  const [first, ...rest] = relative.split(path.sep);
  if (rest.length > 0) return first;
  const asDirectory = path.join(appDir, first);
  return fs.existsSync(asDirectory) && fs.statSync(asDirectory).isDirectory() ? first : "(app)";
}

const folderDirection = {
  meta: {
    type: "problem",
    messages: {
      against:
        "app/{{from}}/ may not import from app/{{to}}/: folders depend in one direction ({{order}}; README, Architecture).",
      unknown:
        "app/{{folder}}/ has no place in the folders' order: add it to folderOrder in eslint.config.js.",
      testing: "Only tests import app/testing/.",
    },
    schema: [],
  },
  create(context) {
    const file = context.filename;
    const from = appFolder(file);
    if (from === null || /\.test\.tsx?$/.test(file) || from === "testing") return {};
    const order = folderOrder.map((line) => line.join(", ")).join(" ← ");
    function check(node) {
      const spec = node?.value;
      if (typeof spec !== "string") return;
      let target;
      if (spec.startsWith("~/")) target = path.join(appDir, spec.slice(2));
      else if (spec.startsWith(".")) target = path.resolve(path.dirname(file), spec);
      else return;
      const to = appFolder(target);
      if (to === null || to === from || to === "+types") return;
      if (to === "testing") return context.report({ node, messageId: "testing" });
      for (const folder of [from, to]) {
        if (!rankOf.has(folder))
          return context.report({ node, messageId: "unknown", data: { folder } });
      }
      if (rankOf.get(to) >= rankOf.get(from)) {
        context.report({ node, messageId: "against", data: { from, to, order } });
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

export default tseslint.config(
  {
    ignores: [
      "build/",
      ".react-router/",
      "node_modules/",
      "data/",
      "test-results/",
      "playwright-report/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["app/**/*.tsx", "emails/**/*.tsx"],
    plugins: { "react-hooks": reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ["app/**/*.{ts,tsx}"],
    plugins: { folkemote: { rules: { "folder-direction": folderDirection } } },
    rules: { "folkemote/folder-direction": "error" },
  },
  {
    // Playwright fixtures take `{}` when they need no other fixture.
    files: ["e2e/**/*.ts"],
    rules: { "no-empty-pattern": "off" },
  },
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Every redirect stays on our own origin: it goes through app/platform/redirect.server.ts.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/platform/redirect.server.ts"],
    rules: { "no-restricted-imports": ["error", { paths: [ownRedirect, passwordList] }] },
  },
  {
    // Routes talk to services (app/<domain>/*.server.ts), never to the database directly.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [ownRedirect, passwordList], patterns: ["**/db/*", "**/db"] },
      ],
    },
  },
  {
    // Schemas that may run in the browser take z from app/platform/zod.ts, which turns off
    // zod's `new Function` there (the Content-Security-Policy forbids it).
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.server.ts", "app/**/*.test.{ts,tsx}", "app/platform/zod.ts"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "zod", message: "Import { z } from app/platform/zod.", allowTypeImports: true },
          ],
        },
      ],
    },
  },
  {
    // Paths to our own pages come from React Router's href(), checked against app/routes.ts by
    // typegen (app/platform/paths.ts has the encoding rule). Tests keep literal paths: those are
    // what they assert.
    files: ["app/**/*.{ts,tsx}", "emails/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}", "app/testing/**"],
    rules: {
      "no-restricted-syntax": ["error", ...ownPathSelectors],
    },
  },
  {
    // The one-way data flow of the house: db/ and emails/ never reach into the app.
    files: ["db/**/*.ts", "emails/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: ["~/*", "../app/*", "**/app/*"],
          // The barrel loads every component, the Tailwind compiler and Prism among them.
          paths: [
            {
              name: "@react-email/components",
              message: "Import from emails/components.ts (ADR 0009).",
            },
          ],
        },
      ],
    },
  },
  {
    // Their tests may take the shared test helpers (app/testing/, the SMTP sink among them).
    files: ["db/**/*.test.ts", "emails/**/*.test.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              regex: "^(~|(\\.\\./)+app)/(?!testing/)",
              message: "db/ and emails/ tests may import app/testing/ only.",
            },
          ],
        },
      ],
    },
  },
);
