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
    rules: { "no-restricted-imports": ["error", { paths: [ownRedirect] }] },
  },
  {
    // Routes talk to services (app/<domain>/*.server.ts), never to the database directly.
    files: ["app/routes/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { paths: [ownRedirect], patterns: ["**/db/*", "**/db"] }],
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
);
