import { scryptSync } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { checkPasswordPolicy, hashPassword, needsRehash, verifyPassword } from "./password.server";

// Each hash at the real cost takes ~128 MiB and 0.3–2.5 s: hash once, verify twice; other
// checks use cheaper parameters stored in the hash.
const password = "lilla elg danser på isen";
let stored: string;
beforeAll(async () => {
  stored = await hashPassword(password);
});

describe("hashPassword and verifyPassword", () => {
  it("stores scrypt parameters, a 16-byte salt and a 32-byte key", () => {
    expect(stored).toMatch(/^scrypt\$17\$8\$1\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
    expect(stored).not.toContain(password);
  });

  it("accepts the right password and refuses a wrong one", async () => {
    expect(await verifyPassword(password, stored)).toBe(true);
    expect(await verifyPassword("lilla elg danser på isen!", stored)).toBe(false);
  });

  it("refuses, after the same work, when there is no account", async () => {
    expect(await verifyPassword(password, null)).toBe(false);
  });

  it("verifies with the parameters stored in the hash, not the current ones", async () => {
    const salt = Buffer.alloc(16, 7);
    const key = scryptSync("blåbærsyltetøy", salt, 32, { N: 2 ** 14, r: 8, p: 1 });
    const old = `scrypt$14$8$1$${salt.toString("base64url")}$${key.toString("base64url")}`;
    expect(await verifyPassword("blåbærsyltetøy", old)).toBe(true);
    // "å" typed as a + ring (macOS) is the same password as "å" typed as one character.
    expect(await verifyPassword("blåbærsyltetøy".normalize("NFD"), old)).toBe(true);
    expect(await verifyPassword("blabærsyltetøy", old)).toBe(false);
    expect(needsRehash(old)).toBe(true);
  });

  it("refuses a stored hash it can't read, without trying its parameters", async () => {
    const huge = `scrypt$30$8$1$${"A".repeat(22)}$${"A".repeat(43)}`;
    expect(await verifyPassword(password, huge)).toBe(false);
  });

  it("asks for a rehash only when the parameters differ", () => {
    expect(needsRehash(stored)).toBe(false);
    expect(needsRehash(stored.replace("scrypt$17$8$1$", "scrypt$17$8$2$"))).toBe(true);
    expect(needsRehash("bcrypt$whatever")).toBe(true);
    expect(needsRehash("scrypt$17$8$1$short$bad")).toBe(true);
  });
});

describe("checkPasswordPolicy", () => {
  const kari = { email: "kari.nordmann@roros.kommune.no", name: "Kari Nordmann" };

  it("wants at least 12 characters, counted as characters", async () => {
    expect(await checkPasswordPolicy("kort-ord", kari)).toBe("error.password.tooShort");
    expect(await checkPasswordPolicy("a".repeat(11), kari)).toBe("error.password.tooShort");
    expect(await checkPasswordPolicy("blåbærsyltetøy", kari)).toBeNull();
    // Eleven characters, but 22 UTF-16 units.
    expect(await checkPasswordPolicy("🦌🦌🦌🦌🦌🦌🦌🦌🦌🦌🦌", kari)).toBe(
      "error.password.tooShort",
    );
  });

  it("allows at most 200 characters", async () => {
    expect(await checkPasswordPolicy("fjellvann ".repeat(20), kari)).toBeNull();
    expect(await checkPasswordPolicy("fjellvann ".repeat(20) + "x", kari)).toBe(
      "error.password.tooLong",
    );
  });

  it("refuses common passwords, also with a number or ! tacked on", async () => {
    expect(await checkPasswordPolicy("Password123!", kari)).toBe("error.password.common");
    expect(await checkPasswordPolicy("PASSWORD2024!!", kari)).toBe("error.password.common");
    expect(await checkPasswordPolicy("1q2w3e4r5t6y", kari)).toBe("error.password.common");
    expect(await checkPasswordPolicy("iloveyou12345", kari)).toBe("error.password.common");
    expect(await checkPasswordPolicy("qwertyuiop", kari)).toBe("error.password.tooShort");
    expect(await checkPasswordPolicy("qwertyuiop!!", kari)).toBe("error.password.common");
  });

  it("refuses passwords holding the name or the email's local part", async () => {
    expect(await checkPasswordPolicy("kari.nordmann", kari)).toBe("error.password.personal");
    expect(await checkPasswordPolicy("KariNordmann2025", kari)).toBe("error.password.personal");
    expect(await checkPasswordPolicy("mitt-nordmann-passord", kari)).toBe(
      "error.password.personal",
    );
    // Short name parts hide inside ordinary words, so only long ones count alone.
    const ola = { email: "ola@roros.kommune.no", name: "Ola Hansen" };
    expect(await checkPasswordPolicy("solaris-vinter-måne", ola)).toBeNull();
    expect(await checkPasswordPolicy("ola-er-best-i-røros", ola)).toBeNull();
    expect(await checkPasswordPolicy("hansen-er-best-i-røros", ola)).toBe(
      "error.password.personal",
    );
  });

  it("accepts a good passphrase", async () => {
    expect(await checkPasswordPolicy("Gjøsvika i morgentåke", kari)).toBeNull();
  });
});
