/**
 * Languages brought in by translators, from the command line (the same as the organisers'
 * page /admin/translations):
 *
 *   npm run translations -- export sma [--format xlsx|csv|csv-semicolon] [--out file]
 *   npm run translations -- import sma <file>
 *   npm run translations -- missing sma
 *
 * export writes the file a translator fills (to the named file, or oversettelse-sma.xlsx in
 * the current folder); import checks a filled file and, when nothing is wrong, replaces the
 * language's texts (a running server picks them up on its next page); missing lists the keys
 * that are still shown in bokmål. Uses the app's environment (DATA_DIR) to find the database.
 */
import { CliError, openConfiguredDatabase, runCli } from "./cli";
import fs from "node:fs";
import { parseArgs } from "node:util";
import "../app/i18n/organiser-texts";
import { importedLanguages, isImportedLanguage, translator } from "../app/i18n";
import type { FileFormat } from "../app/exports/exports.server";
import {
  catalogueFile,
  describeProblem,
  importCatalogueFile,
  refreshImportedCatalogues,
  translationStatus,
} from "../app/translations/catalogue-file.server";

const USAGE = `Usage:
  npm run translations -- export <language> [--format xlsx|csv|csv-semicolon] [--out <file>]
  npm run translations -- import <language> <file>
  npm run translations -- missing <language>

Languages: ${importedLanguages.join(", ")}.`;

const formats: readonly FileFormat[] = ["xlsx", "csv", "csv-semicolon"];

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        format: { type: "string", default: "xlsx" },
        out: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const [command, language, ...rest] = positionals;
  const arity = command === "import" ? 1 : 0;
  if (!command || !["export", "import", "missing"].includes(command) || rest.length !== arity) {
    throw new CliError(USAGE);
  }
  if (!isImportedLanguage(language)) {
    throw new CliError(`Unknown language: ${language ?? ""}\n\n${USAGE}`);
  }
  const format = values.format as FileFormat;
  if (!formats.includes(format)) throw new CliError(`Unknown format: ${values.format}\n\n${USAGE}`);

  const db = openConfiguredDatabase();
  try {
    refreshImportedCatalogues(db);
    if (command === "export") {
      const file = await catalogueFile(db, language, format);
      const out = values.out ?? file.filename;
      fs.writeFileSync(out, file.body);
      console.log(`Wrote ${out}`);
      return 0;
    }
    if (command === "missing") {
      const status = translationStatus(language);
      console.log(`${status.translated} of ${status.total} texts translated.`);
      for (const { key, bokmal } of status.missing) console.log(`${key}\t${bokmal}`);
      return 0;
    }
    const path = rest[0]!;
    if (!fs.existsSync(path)) throw new CliError(`No such file: ${path}`);
    const result = await importCatalogueFile(db, "cli", language, fs.readFileSync(path));
    if (!result.ok) {
      const t = translator();
      console.error(`${path} was not imported:`);
      for (const problem of result.problems) console.error(`  ${describeProblem(t, problem)}`);
      return 1;
    }
    console.log(`Imported ${result.texts} texts for ${language}.`);
    return 0;
  } finally {
    db.close();
  }
}

runCli(main);
