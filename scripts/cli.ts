/**
 * What the operator's command-line scripts share (scripts/organiser.ts, scripts/translations.ts):
 * an error the user can fix, the app's database as the environment names it, and running a
 * script's main function with its exit code.
 */
import { openDatabase, type DB } from "../db/connection";
import { parseEnv } from "../app/platform/env.server";

/** An error the user can fix; printed without a stack trace. */
export class CliError extends Error {}

/** The database in the data folder the app's environment names (DATA_DIR), opened and migrated. */
export function openConfiguredDatabase(): DB {
  let config;
  try {
    config = parseEnv(process.env);
  } catch (error) {
    throw new CliError((error as Error).message);
  }
  return openDatabase(config.databaseFile);
}

/** Runs a script's main: its answer is the exit code, and a CliError is printed plainly. */
export function runCli(main: (argv: string[]) => Promise<number>) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error instanceof CliError ? error.message : error);
      process.exitCode = 1;
    },
  );
}
