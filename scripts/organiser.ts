/**
 * Organiser accounts from the command line, for the server's operator:
 *
 *   npm run organiser -- add --email kari@roros.kommune.no --name "Kari Nordmann" [--admin]
 *   npm run organiser -- reset-password --email kari@roros.kommune.no
 *   npm run organiser -- list
 *
 * The password comes from ORGANISER_PASSWORD if set, otherwise it is asked for twice on the
 * terminal without echo. Uses the app's environment (DATA_DIR) to find the database.
 */
import { CliError, openConfiguredDatabase, runCli } from "./cli";
import readline from "node:readline";
import { Writable } from "node:stream";
import { parseArgs } from "node:util";
import { z } from "zod";
import { immediate, type DB } from "../db/connection";
import {
  getOrganiserByEmail,
  insertOrganiser,
  listOrganisers,
  organiserEmailKey,
  setPasswordHash,
} from "../db/organisers";
import { deleteSessionsForOrganiser } from "../db/sessions";
import { audit } from "../app/platform/audit.server";
import { checkPasswordPolicy, hashPassword } from "../app/auth/password.server";
import { clearAccountFailures } from "../app/auth/throttle.server";
import { translator } from "../app/i18n";

const USAGE = `Usage:
  npm run organiser -- add --email <address> --name <full name> [--admin]
  npm run organiser -- reset-password --email <address>
  npm run organiser -- list

The password is read from ORGANISER_PASSWORD, or asked for on the terminal.`;

const emailSchema = z.email();
const nameSchema = z
  .string()
  .trim()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]*$/u);

function parse(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      options: {
        email: { type: "string" },
        name: { type: "string" },
        admin: { type: "boolean", default: false },
        help: { type: "boolean", short: "h", default: false },
      },
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
}

function requireEmail(value: string | undefined): string {
  if (!value) throw new CliError("Missing --email.");
  const email = organiserEmailKey(value);
  if (!emailSchema.safeParse(email).success) throw new CliError(`Not an email address: ${value}`);
  return email;
}

/** One line from the terminal, not echoed. */
function promptHidden(question: string): Promise<string> {
  const muted = new Writable({ write: (_chunk, _encoding, done) => done() });
  const rl = readline.createInterface({ input: process.stdin, output: muted, terminal: true });
  process.stderr.write(question);
  return new Promise((resolve, reject) => {
    rl.on("SIGINT", () => {
      rl.close();
      process.stderr.write("\n");
      reject(new CliError("Cancelled."));
    });
    rl.question("", (answer) => {
      rl.close();
      process.stderr.write("\n");
      resolve(answer);
    });
  });
}

async function readPassword(person: { email: string; name: string }): Promise<string> {
  let password = process.env.ORGANISER_PASSWORD;
  if (!password) {
    if (!process.stdin.isTTY) {
      throw new CliError("No password: set ORGANISER_PASSWORD or run this in a terminal.");
    }
    password = await promptHidden("New password: ");
    if ((await promptHidden("Repeat the password: ")) !== password) {
      throw new CliError("The two passwords differ.");
    }
  }
  const problem = await checkPasswordPolicy(password, person);
  // The policy's reasons are written for organisers, in Norwegian; show them as they are.
  if (problem) throw new CliError(`Password refused: ${translator()(problem)}`);
  return password;
}

async function add(db: DB, values: ReturnType<typeof parse>["values"]) {
  const email = requireEmail(values.email);
  const name = nameSchema.safeParse(values.name ?? "");
  if (!name.success) throw new CliError("Missing or bad --name (1 to 100 characters).");
  if (getOrganiserByEmail(db, email)) {
    throw new CliError(`An organiser with the address ${email} exists already.`);
  }
  const role = values.admin ? "admin" : "organiser";
  const passwordHash = await hashPassword(await readPassword({ email, name: name.data }));
  const id = immediate(db, () => {
    const id = insertOrganiser(db, { email, name: name.data, role, passwordHash });
    audit(db, "cli", "organiser.create", { target: email, details: { role } });
    return id;
  });
  console.log(`Added ${role} ${name.data} <${email}> (id ${id}).`);
}

async function resetPassword(db: DB, values: ReturnType<typeof parse>["values"]) {
  const email = requireEmail(values.email);
  const organiser = getOrganiserByEmail(db, email);
  if (!organiser) throw new CliError(`No organiser with the address ${email}.`);
  const passwordHash = await hashPassword(await readPassword(organiser));
  const ended = immediate(db, () => {
    setPasswordHash(db, organiser.id, passwordHash);
    // A reset is often the answer to "someone may know my password": end every session.
    const ended = deleteSessionsForOrganiser(db, organiser.id);
    clearAccountFailures(db, email);
    audit(db, "cli", "organiser.passwordReset", {
      target: email,
      details: { sessionsEnded: ended },
    });
    return ended;
  });
  console.log(`New password set for ${organiser.name} <${email}>; ${ended} session(s) ended.`);
  if (organiser.disabledAt) console.log("Note: this account is disabled and still can't log in.");
}

function list(db: DB) {
  const organisers = listOrganisers(db);
  if (organisers.length === 0) {
    console.log("No organisers yet.");
    return;
  }
  const rows = organisers.map((o) => [
    String(o.id),
    o.role,
    o.disabledAt ? "disabled" : "active",
    o.email,
    o.name,
  ]);
  const header = ["ID", "ROLE", "STATUS", "EMAIL", "NAME"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join("  ")
        .trimEnd(),
    );
  }
}

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv);
  const [command, ...extra] = positionals;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!command || extra.length > 0 || !["add", "reset-password", "list"].includes(command)) {
    throw new CliError(
      command ? `Unknown command: ${[command, ...extra].join(" ")}\n\n${USAGE}` : USAGE,
    );
  }

  const db = openConfiguredDatabase();
  try {
    if (command === "add") await add(db, values);
    else if (command === "reset-password") await resetPassword(db, values);
    else list(db);
  } finally {
    db.close();
  }
  return 0;
}

runCli(main);
