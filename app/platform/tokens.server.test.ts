import { describe, expect, it } from "vitest";
import { checkInCodeKey, newCheckInCode } from "./tokens.server";

describe("check-in codes", () => {
  it("are made of characters that cannot be taken for one another when read aloud", () => {
    for (let i = 0; i < 2000; i++) {
      const code = newCheckInCode();
      expect(code).toMatch(/^[A-Z2-9]{3}-[A-Z2-9]{3}$/);
      // 0/O and 1/I/L are left out, so a code needs no look-alike mapping when typed.
      expect(code).not.toMatch(/[0O1IL]/);
    }
  });

  it("read the same however they are typed at the door", () => {
    for (const typed of [
      "RRU77R",
      "rru 77r",
      "RRU-77R",
      " rru-77r ",
      "rru – 77r",
      "R R U 7 7 R",
      "rru.77r",
      // A phone keyboard set to full-width characters.
      "ＲＲＵ７７Ｒ",
    ]) {
      expect(checkInCodeKey(typed), typed).toBe("RRU77R");
    }
  });

  it("keep what is not a code's letter or digit out of the key", () => {
    expect(checkInCodeKey("")).toBe("");
    expect(checkInCodeKey(" - ")).toBe("");
    expect(checkInCodeKey("Åse Ødegård")).toBe("SEDEGRD");
    expect(checkInCodeKey(newCheckInCode())).toMatch(/^[A-Z2-9]{6}$/);
  });
});
