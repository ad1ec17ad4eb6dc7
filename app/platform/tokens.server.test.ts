import { describe, expect, it } from "vitest";
import {
  checkInCodeKey,
  isTokenShaped,
  newCheckInCode,
  newManageToken,
  randomText,
} from "./tokens.server";

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

describe("random text", () => {
  it("never hands out the same bits twice, across many refills of its pool", () => {
    // 16-byte nonces and odd sizes, so that draws straddle the points where the pool refills.
    const seen = new Set<string>();
    for (let i = 0; i < 3000; i++) {
      for (const [bytes, length] of [
        [16, 24],
        [7, 14],
      ] as const) {
        const text = randomText(bytes, bytes === 16 ? "base64" : "hex");
        expect(text).toHaveLength(length);
        expect(seen.has(text)).toBe(false);
        seen.add(text);
      }
    }
    // Zeroed bytes would show as a run of "A"s in base64 or "0"s in hex.
    const nonces = [...seen].filter((text) => text.length === 24);
    expect(nonces.filter((text) => text.startsWith("AAAAAAAA"))).toEqual([]);
  });

  it("makes manage tokens of 256 bits in the URL-safe alphabet the links take", () => {
    const token = newManageToken();
    expect(isTokenShaped(token)).toBe(true);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);
  });

  it("refuses a size its pool cannot give", () => {
    expect(() => randomText(0, "hex")).toThrow(RangeError);
    expect(() => randomText(5000, "hex")).toThrow(RangeError);
  });
});
