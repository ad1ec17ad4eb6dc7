import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../db/audit";
import { openDatabase, projectRoot } from "../db/connection";
import { translationsOf } from "../db/translations";

let dataDir: string;

beforeEach(() => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "folkemote-translations-"));
});
afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

function cli(args: string[]) {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: "test", DATA_DIR: dataDir };
  const result = spawnSync(
    process.execPath,
    ["--import", "tsx", "scripts/translations.ts", ...args],
    { cwd: projectRoot(), env, encoding: "utf8", timeout: 60_000 },
  );
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const stored = () => {
  const db = openDatabase(path.join(dataDir, "folkemote.sqlite"));
  try {
    return { rows: translationsOf(db, "sma"), audit: listAudit(db, { limit: 1 }) };
  } finally {
    db.close();
  }
};

describe("npm run translations", () => {
  it("exports the file, imports it filled, and lists what is still missing", () => {
    const file = path.join(dataDir, "sma.csv");
    const exported = cli(["export", "sma", "--format", "csv", "--out", file]);
    expect(exported).toMatchObject({ code: 0, stderr: "" });
    const rows = parse(fs.readFileSync(file, "utf8"), { bom: true }) as string[][];
    const before = cli(["missing", "sma"]);
    expect(before.stdout).toMatch(/^0 of (\d+) texts translated\./);
    expect(before.stdout).toContain("site.name\tFolkemøter i Røros kommune");

    for (const row of rows) if (row[0] === "site.name") row[3] = "Folkemøte Röörosne";
    fs.writeFileSync(file, stringify(rows));
    const imported = cli(["import", "sma", file]);
    expect(imported).toMatchObject({ code: 0, stderr: "" });
    expect(imported.stdout).toContain("Imported 1 texts for sma.");
    expect(stored().rows).toEqual([{ key: "site.name", form: "", text: "Folkemøte Röörosne" }]);
    expect(stored().audit[0]).toMatchObject({
      actor: "command line",
      action: "translations.import",
    });

    const after = cli(["missing", "sma"]);
    expect(after.stdout).toMatch(/^1 of \d+ texts translated\./);
    expect(after.stdout).not.toContain("site.name\t");
  });

  it("refuses a broken file with its rows, and stores nothing", () => {
    const file = path.join(dataDir, "sma.csv");
    cli(["export", "sma", "--format", "csv", "--out", file]);
    const rows = parse(fs.readFileSync(file, "utf8"), { bom: true }) as string[][];
    const at = rows.findIndex((row) => row[0] === "site.footer.contact");
    rows[at]![3] = "Gaskesh:";
    fs.writeFileSync(file, stringify(rows));
    const refused = cli(["import", "sma", file]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(
      `Rad ${at + 1}: Teksten for «site.footer.contact» mangler plassholderen {name}.`,
    );
    expect(stored().rows).toEqual([]);
  });

  it("names an unknown language or command", () => {
    expect(cli(["export", "se"])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Unknown language: se"),
    });
    expect(cli(["translate", "sma"])).toMatchObject({
      code: 1,
      stderr: expect.stringContaining("Usage:"),
    });
  });
});
