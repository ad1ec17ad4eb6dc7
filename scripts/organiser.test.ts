import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "../app/auth/password.server";
import { listAudit } from "../db/audit";
import { openDatabase, projectRoot, type DB } from "../db/connection";
import { getOrganiserByEmail } from "../db/organisers";
import { countSessionsForOrganiser, insertSession } from "../db/sessions";

const password = "Gjøsvika i morgentåke";
let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "folkemote-cli-"));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function cli(args: string[], extraEnv: Record<string, string | undefined> = {}) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    ORGANISER_PASSWORD: password,
    ...extraEnv,
  };
  for (const [key, value] of Object.entries(env)) if (value === undefined) delete env[key];
  const result = spawnSync(process.execPath, ["--import", "tsx", "scripts/organiser.ts", ...args], {
    cwd: projectRoot(),
    env,
    encoding: "utf8",
    stdio: ["pipe", "pipe", "pipe"],
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function withDb<T>(fn: (db: DB) => T): T {
  const db = openDatabase(path.join(dataDir, "folkemote.sqlite"));
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const kari = ["--email", "Kari@Roros.Kommune.no", "--name", "Kari Nordmann"];

describe("npm run organiser", () => {
  it("adds an admin with the given password, records it, and lists it", async () => {
    const added = cli(["add", ...kari, "--admin"]);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
    expect(added.stdout).toContain("Added admin Kari Nordmann <kari@roros.kommune.no>");

    const stored = withDb((db) => getOrganiserByEmail(db, "kari@roros.kommune.no"));
    expect(stored).toMatchObject({ role: "admin", name: "Kari Nordmann", disabledAt: null });
    expect(await verifyPassword(password, stored!.passwordHash)).toBe(true);
    expect(withDb((db) => listAudit(db, { limit: 5 }))).toMatchObject([
      { actor: "command line", action: "organiser.create", target: "kari@roros.kommune.no" },
    ]);

    const again = cli(["add", ...kari]);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain("exists already");

    const list = cli(["list"]);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/ID\s+ROLE\s+STATUS\s+EMAIL\s+NAME/);
    expect(list.stdout).toMatch(/1\s+admin\s+active\s+kari@roros\.kommune\.no\s+Kari Nordmann/);
  });

  it("refuses a weak password with the Norwegian reason, and a missing one", () => {
    const weak = cli(["add", ...kari], { ORGANISER_PASSWORD: "Password123!" });
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain("Passordet er for vanlig. Velg et annet.");

    const none = cli(["add", ...kari], { ORGANISER_PASSWORD: undefined });
    expect(none.code).toBe(1);
    expect(none.stderr).toContain("set ORGANISER_PASSWORD");
    expect(withDb((db) => getOrganiserByEmail(db, "kari@roros.kommune.no"))).toBeUndefined();
  });

  it("resets a password and ends every session of that organiser", () => {
    expect(cli(["add", ...kari]).code).toBe(0);
    const before = withDb((db) => {
      const organiser = getOrganiserByEmail(db, "kari@roros.kommune.no")!;
      const future = new Date(Date.now() + 3600_000).toISOString();
      insertSession(db, "a".repeat(64), organiser.id, future);
      insertSession(db, "b".repeat(64), organiser.id, future);
      return organiser;
    });

    const reset = cli(["reset-password", "--email", "kari@roros.kommune.no"], {
      ORGANISER_PASSWORD: "ny vinter på Røros",
    });
    expect(reset.stderr).toBe("");
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain("2 session(s) ended");

    withDb((db) => {
      const after = getOrganiserByEmail(db, "kari@roros.kommune.no")!;
      expect(after.passwordHash).not.toBe(before.passwordHash);
      expect(after.passwordHash).toMatch(/^scrypt\$17\$8\$1\$/);
      expect(countSessionsForOrganiser(db, before.id)).toBe(0);
      expect(listAudit(db, { limit: 1 })).toMatchObject([
        {
          actor: "command line",
          action: "organiser.passwordReset",
          details: { sessionsEnded: 2 },
        },
      ]);
    });
  });

  it("fails clearly for an unknown organiser or command", () => {
    const unknown = cli(["reset-password", "--email", "nobody@x.no"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No organiser with the address nobody@x.no");

    const bad = cli(["promote", "--email", "x@x.no"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Unknown command: promote");
    expect(bad.stderr).toContain("Usage:");

    const badEmail = cli(["add", "--email", "not-an-address", "--name", "X"]);
    expect(badEmail.code).toBe(1);
    expect(badEmail.stderr).toContain("Not an email address");
  });
});
