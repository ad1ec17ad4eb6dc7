import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listAudit } from "../../db/audit";
import { countOrganisers, getOrganiserByEmail, insertOrganiser } from "../../db/organisers";
import { tempDatabase } from "../../db/testing";
import {
  consumeSetupToken,
  createFirstAdmin,
  ensureSetupLink,
  isSetupTokenUsable,
} from "./setup.server";

let t: ReturnType<typeof tempDatabase>;
let lines: string[];
const log = (line: string) => lines.push(line);
const publicUrl = "https://moter.roros.kommune.no";

beforeEach(() => {
  t = tempDatabase();
  lines = [];
});
afterEach(() => t.cleanup());

describe("first-run setup link", () => {
  it("logs a link while there is no organiser, and nothing once there is one", () => {
    const token = ensureSetupLink(t.db, publicUrl, log);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(lines).toEqual([
      `No organiser yet. Create the first admin account within 24 hours: ${publicUrl}/admin/setup/${token}`,
    ]);
    const stored = t.db.prepare("SELECT token_hash AS h FROM setup_tokens").all() as {
      h: string;
    }[];
    expect(stored).toHaveLength(1);
    expect(stored[0]!.h).not.toBe(token);

    insertOrganiser(t.db, { email: "a@x.no", name: "A", role: "admin", passwordHash: "x" });
    expect(ensureSetupLink(t.db, publicUrl, log)).toBeNull();
    expect(lines).toHaveLength(1);
    // Once somebody exists, old links are no use either.
    expect(isSetupTokenUsable(t.db, token!)).toBe(false);
  });

  it("works once", () => {
    const token = ensureSetupLink(t.db, publicUrl, log)!;
    expect(isSetupTokenUsable(t.db, token)).toBe(true);
    expect(consumeSetupToken(t.db, token)).toBe(true);
    expect(consumeSetupToken(t.db, token)).toBe(false);
    expect(isSetupTokenUsable(t.db, token)).toBe(false);
  });

  it("expires after 24 hours", () => {
    const made = new Date("2025-03-01T08:00:00Z");
    const token = ensureSetupLink(t.db, publicUrl, log, made)!;
    const after = (hours: number) => new Date(made.getTime() + hours * 3600_000);
    expect(isSetupTokenUsable(t.db, token, after(23.9))).toBe(true);
    expect(consumeSetupToken(t.db, token, after(24))).toBe(false);
    expect(isSetupTokenUsable(t.db, token, after(24))).toBe(false);
  });

  it("refuses tokens it never made", () => {
    ensureSetupLink(t.db, publicUrl, log);
    expect(consumeSetupToken(t.db, "A".repeat(43))).toBe(false);
    expect(consumeSetupToken(t.db, "not a token")).toBe(false);
  });
});

describe("createFirstAdmin", () => {
  const kari = {
    email: "Kari@Roros.Kommune.no",
    name: "Kari Nordmann",
    password: "Gjøsvika i morgentåke",
  };

  it("creates the admin once, using up the link, and records it", async () => {
    const token = ensureSetupLink(t.db, publicUrl, log)!;
    await expect(
      createFirstAdmin(t.db, token, { ...kari, password: "Password123!" }),
    ).rejects.toMatchObject({
      message: "error.password.common",
      field: "password",
      status: 400,
    });
    expect(isSetupTokenUsable(t.db, token)).toBe(true);

    expect(await createFirstAdmin(t.db, token, kari)).toBeGreaterThan(0);
    const admin = getOrganiserByEmail(t.db, "kari@roros.kommune.no");
    expect(admin).toMatchObject({
      role: "admin",
      name: "Kari Nordmann",
      email: "kari@roros.kommune.no",
    });
    expect(listAudit(t.db, { limit: 10 })).toMatchObject([
      { actor: "first-run setup", action: "organiser.create", target: "kari@roros.kommune.no" },
    ]);

    const second = ensureSetupLink(t.db, publicUrl, log);
    expect(second).toBeNull();
    await expect(
      createFirstAdmin(t.db, token, { ...kari, email: "per@x.no" }),
    ).rejects.toMatchObject({
      message: "setup.invalid",
      status: 404,
    });
    expect(countOrganisers(t.db)).toBe(1);
  });
});
