// The folders' one-way order (eslint.config.js, README "Architecture") holds: ESLint fails on an
// import against it, written as a wrong file would be, and the README lists the same order.
import fs from "node:fs";
import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../../db/connection";

const root = projectRoot();
const eslint = new ESLint({ cwd: root });
const { folderOrder } = (await import(path.join(root, "eslint.config.js"))) as {
  folderOrder: string[][];
};

/** The folder-direction messages ESLint gives `code` placed at `file`. */
async function directionErrors(file: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return result!.messages
    .filter((m) => m.ruleId === "folkemote/folder-direction")
    .map((m) => m.message);
}

describe("folders depend in one direction", () => {
  it("refuses a lower folder importing a higher one, by relative path or ~/", async () => {
    expect(
      await directionErrors(
        "app/platform/wrong.ts",
        'import { signUp } from "../registrations/registrations.server";\nvoid signUp;\n',
      ),
    ).toEqual([expect.stringContaining("app/platform/ may not import from app/registrations/")]);
    expect(
      await directionErrors(
        "app/components/wrong.tsx",
        'import { loader } from "~/routes/home";\nvoid loader;\n',
      ),
    ).toEqual([expect.stringContaining("app/components/ may not import from app/routes/")]);
    expect(
      await directionErrors(
        "app/mail/wrong.ts",
        'export { withholdStaleReminders } from "../reminders/reminders.server";\n',
      ),
    ).toEqual([expect.stringContaining("app/mail/ may not import from app/reminders/")]);
  });

  it("refuses folders on one line knowing each other", async () => {
    expect(
      await directionErrors(
        "app/questions/wrong.ts",
        'import { reminderSchedule } from "../reminders/reminders.server";\nvoid reminderSchedule;\n',
      ),
    ).toHaveLength(1);
  });

  it("lets a higher folder import a lower one, and tests import anything", async () => {
    expect(
      await directionErrors(
        "app/registrations/right.ts",
        'import { requireMeeting } from "../meetings/meetings.server";\nvoid requireMeeting;\n',
      ),
    ).toEqual([]);
    expect(
      await directionErrors(
        "app/platform/anything.test.ts",
        'import { signUp } from "../registrations/registrations.server";\nvoid signUp;\n',
      ),
    ).toEqual([]);
  });

  it("keeps app/testing/ for tests, and asks a new folder for its place", async () => {
    expect(
      await directionErrors(
        "app/routes/wrong.tsx",
        'import { serviceTestEnv } from "~/testing/services";\nvoid serviceTestEnv;\n',
      ),
    ).toEqual(["Only tests import app/testing/."]);
    expect(
      await directionErrors(
        "app/newfolder/x.ts",
        'import { env } from "../platform/env.server";\nvoid env;\n',
      ),
    ).toEqual([expect.stringContaining("app/newfolder/ has no place")]);
  });

  it("names every folder under app/, in the README's order", () => {
    const folders = fs
      .readdirSync(path.join(root, "app"), { withFileTypes: true })
      .filter((e) => e.isDirectory() && e.name !== "testing" && !e.name.startsWith("+"))
      .map((e) => e.name);
    expect(folderOrder.flat()).toEqual(expect.arrayContaining(folders));
    const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");
    const rows = readme
      .split("\n")
      .filter((line) => /^\| \d+ +\|/.test(line))
      .map((line) => [...line.split("|")[2]!.matchAll(/`app\/([a-z0-9-]+)\/`/g)].map((m) => m[1]));
    expect(rows).toEqual(folderOrder.map((line) => line.filter((f) => f !== "(app)")));
  });
});
