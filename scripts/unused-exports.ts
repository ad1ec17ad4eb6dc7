/**
 * `npm run unused-exports`: exports nothing imports, read from the TypeScript program of
 * tsconfig.json. It fails on an export no other module imports: unused code, or a value that
 * only its own module uses (then it need not be exported). Types used in their own module may
 * stay exported: they name what the module's functions take and give. With `--tests` it also
 * lists exports that only tests import, for a reader deciding whether each is a seam the tests
 * need or code the app no longer does.
 *
 * Route modules' framework exports (loader, action, default, meta, …), and whatever
 * app/entry.server.tsx (read by React Router and server.js) and the tools' config files export,
 * count as used.
 */
import path from "node:path";
import ts from "typescript";
import { projectRoot } from "../db/connection";

const ROUTE_EXPORTS = new Set([
  "default",
  "loader",
  "action",
  "meta",
  "links",
  "headers",
  "handle",
  "ErrorBoundary",
  "shouldRevalidate",
  "Layout",
  "HydrateFallback",
  "clientLoader",
  "clientAction",
]);
const FRAMEWORK_MODULES = new Set([
  "app/entry.server.tsx",
  "app/entry.client.tsx",
  "app/routes.ts",
  "react-router.config.ts",
  "vite.config.ts",
  "vitest.config.ts",
  "vitest.resilience.config.ts",
  "playwright.config.ts",
]);

const root = projectRoot();
const rel = (file: string) => path.relative(root, file).split(path.sep).join("/");
const isOurs = (file: string) =>
  file.startsWith(root + path.sep) &&
  !file.includes(`${path.sep}node_modules${path.sep}`) &&
  !rel(file).startsWith(".react-router/") &&
  !file.endsWith(".d.ts");
const isRouteModule = (r: string) => r.startsWith("app/routes/") || r === "app/root.tsx";
const isTestCode = (r: string) =>
  /\.(test|spec)\.tsx?$/.test(r) ||
  /^(e2e|resilience)\//.test(r) ||
  r.startsWith("app/testing/") ||
  ["db/testing.ts", "app/registrations/testing.ts", "emails/test-smtp.ts"].includes(r);

const config = ts.getParsedCommandLineOfConfigFile(
  path.join(root, "tsconfig.json"),
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  },
)!;
const program = ts.createProgram(config.fileNames, config.options);
const files = program.getSourceFiles().filter((sf) => isOurs(sf.fileName));

function resolve(specifier: string, from: string): string | undefined {
  const resolved = ts.resolveModuleName(specifier, from, config.options, ts.sys).resolvedModule;
  return resolved && isOurs(resolved.resolvedFileName) ? resolved.resolvedFileName : undefined;
}

interface Declared {
  name: string;
  isType: boolean;
  node: ts.Node;
}

/** What each module exports by name, and the modules it re-exports whole (`export *`). */
const declared = new Map<string, Declared[]>();
const reExportAll = new Map<string, string[]>();
/** Named re-exports: `export { a as b } from "./x"` in file → b → [x, a]. */
const reExportNamed = new Map<string, Map<string, [string, string]>>();
/** Who imports which name from which module: module → name → importing files. */
const importers = new Map<string, Map<string, Set<string>>>();
/** Modules imported whole in a way we do not follow (dynamic import()). */
const importedWhole = new Set<string>();

function use(module: string, name: string, by: string) {
  let names = importers.get(module);
  if (!names) importers.set(module, (names = new Map()));
  let by_ = names.get(name);
  if (!by_) names.set(name, (by_ = new Set()));
  by_.add(by);
}

const hasExport = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
const hasDefault = (node: ts.Node) =>
  ts.canHaveModifiers(node) &&
  (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);

for (const sf of files) {
  const file = sf.fileName;
  const own: Declared[] = [];
  declared.set(file, own);
  const namespaces = new Map<string, string>();

  for (const node of sf.statements) {
    if (ts.isImportDeclaration(node) && ts.isStringLiteral(node.moduleSpecifier)) {
      const target = resolve(node.moduleSpecifier.text, file);
      const clause = node.importClause;
      if (!target || !clause) continue;
      if (clause.name) use(target, "default", file);
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) namespaces.set(bindings.name.text, target);
      if (bindings && ts.isNamedImports(bindings))
        for (const el of bindings.elements) use(target, (el.propertyName ?? el.name).text, file);
    } else if (ts.isExportDeclaration(node)) {
      const target =
        node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)
          ? resolve(node.moduleSpecifier.text, file)
          : undefined;
      if (!node.exportClause) {
        if (target) reExportAll.set(file, [...(reExportAll.get(file) ?? []), target]);
      } else if (ts.isNamedExports(node.exportClause)) {
        for (const el of node.exportClause.elements) {
          const local = (el.propertyName ?? el.name).text;
          // What the framework's own modules pass on, the framework (or server.js) uses.
          if (target && FRAMEWORK_MODULES.has(rel(file))) use(target, local, file);
          if (target) {
            let named = reExportNamed.get(file);
            if (!named) reExportNamed.set(file, (named = new Map()));
            named.set(el.name.text, [target, local]);
          }
          own.push({ name: el.name.text, isType: node.isTypeOnly || el.isTypeOnly, node: el });
        }
      }
    } else if (hasExport(node)) {
      const isType = ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node);
      if (hasDefault(node)) own.push({ name: "default", isType: false, node });
      else if (ts.isVariableStatement(node)) {
        for (const d of node.declarationList.declarations)
          if (ts.isIdentifier(d.name)) own.push({ name: d.name.text, isType: false, node: d });
      } else if ("name" in node && node.name && ts.isIdentifier(node.name as ts.Node)) {
        own.push({ name: (node.name as ts.Identifier).text, isType, node });
      }
    } else if (ts.isExportAssignment(node)) {
      own.push({ name: "default", isType: false, node });
    }
  }

  // `ns.name` after `import * as ns`, and modules loaded with import().
  const visit = (node: ts.Node) => {
    if (
      ts.isPropertyAccessExpression(node) &&
      ts.isIdentifier(node.expression) &&
      namespaces.has(node.expression.text)
    )
      use(namespaces.get(node.expression.text)!, node.name.text, file);
    if (ts.isQualifiedName(node) && ts.isIdentifier(node.left) && namespaces.has(node.left.text))
      use(namespaces.get(node.left.text)!, node.right.text, file);
    if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteral(node.arguments[0])
    ) {
      const target = resolve(node.arguments[0].text, file);
      if (target) importedWhole.add(target);
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
}

// A name imported from a module that only passes it on counts for the module it comes from.
let moved = true;
while (moved) {
  moved = false;
  for (const [file, names] of importers) {
    for (const [name, by] of names) {
      const declaredHere = (declared.get(file) ?? []).some((d) => d.name === name);
      const named = reExportNamed.get(file)?.get(name);
      const targets = named
        ? [named]
        : declaredHere
          ? []
          : (reExportAll.get(file) ?? []).map((t): [string, string] => [t, name]);
      for (const [target, local] of targets)
        for (const f of by) {
          const before = importers.get(target)?.get(local)?.size ?? 0;
          use(target, local, f);
          if ((importers.get(target)?.get(local)?.size ?? 0) > before) moved = true;
        }
    }
  }
}

/** How often `name` appears as an identifier in its own module, beyond its declaration. */
function usesInOwnModule(sf: ts.SourceFile, decl: Declared): number {
  let count = 0;
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && node.text === decl.name) count++;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return count - 1;
}

const failures: string[] = [];
const testOnly: string[] = [];
for (const sf of files) {
  const r = rel(sf.fileName);
  if (FRAMEWORK_MODULES.has(r) || importedWhole.has(sf.fileName)) continue;
  for (const decl of declared.get(sf.fileName) ?? []) {
    if (isRouteModule(r) && ROUTE_EXPORTS.has(decl.name)) continue;
    const by = [...(importers.get(sf.fileName)?.get(decl.name) ?? [])].map(rel);
    const where = `${r}:${sf.getLineAndCharacterOfPosition(decl.node.getStart(sf)).line + 1}`;
    if (by.length === 0) {
      const internal = decl.name !== "default" && usesInOwnModule(sf, decl) > 0;
      if (decl.isType && internal) continue;
      failures.push(
        `${where} ${decl.name}: ${internal ? "used only in its own module" : "used nowhere"}`,
      );
    } else if (!isTestCode(r) && by.every(isTestCode)) {
      testOnly.push(`${where} ${decl.name}: ${by.join(", ")}`);
    }
  }
}

if (process.argv.includes("--tests")) {
  console.log(`Exports only tests import (${testOnly.length}):`);
  for (const line of testOnly) console.log(`  ${line}`);
}
if (failures.length > 0) {
  console.error(`Exports nothing else imports (${failures.length}):`);
  for (const line of failures) console.error(`  ${line}`);
  process.exitCode = 1;
} else {
  console.log("No unused exports.");
}
