import { randomBytes } from "node:crypto";
import { gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { compressPieces, gzipBody } from "./gzip-pieces";

const gunzip = (parts: Buffer[]) => gunzipSync(Buffer.concat(parts));

describe("gzipBody", () => {
  it("is a gzip stream of the pieces with the bytes between them, whatever those are", () => {
    const text = "<p>Informasjonsmøte om småhus ved Gjøsvika – «velkommen»</p>".repeat(400);
    const raw = [text.slice(0, 9000), text.slice(9000, 9001), text.slice(9001)].map((t) =>
      Buffer.from(t, "utf8"),
    );
    const pieces = compressPieces(raw, 24);
    for (let i = 0; i < 5; i++) {
      const nonce = Buffer.from(randomBytes(16).toString("base64"), "latin1");
      expect(gunzip(gzipBody(pieces, nonce))).toEqual(
        Buffer.concat([raw[0]!, nonce, raw[1]!, nonce, raw[2]!]),
      );
    }
    // Compressed, each piece referring back to the text before it: the second and third
    // pieces repeat what came before, and cost next to nothing.
    const size = gzipBody(pieces, Buffer.alloc(24, "n")).reduce((sum, b) => sum + b.length, 0);
    expect(size).toBeLessThan(Buffer.byteLength(text) / 50);
    expect(() => gzipBody(pieces, Buffer.from("short"))).toThrow(RangeError);
  });

  it("takes empty pieces at either end and in the middle, and a single piece", () => {
    const nonce = Buffer.from("bm9uY2Vub25jZW5vbmNlMQ==", "latin1");
    const raw = ["", "<a>", "", "</a>", ""].map((t) => Buffer.from(t));
    expect(gunzip(gzipBody(compressPieces(raw, nonce.length), nonce)).toString()).toBe(
      `${nonce}<a>${nonce}${nonce}</a>${nonce}`,
    );
    expect(
      gunzip(gzipBody(compressPieces([Buffer.from("alone")], nonce.length), nonce)).toString(),
    ).toBe("alone");
  });

  it("never lets a piece refer into a gap, which each answer fills differently", () => {
    // The text around the gap repeats what the kept gap's filling would be: a match into the
    // gap would copy this answer's bytes where the page has others.
    const nonceA = Buffer.from("AAAAAAAAAAAAAAAAAAAAAAAA");
    const nonceB = Buffer.from("BBBBBBBBBBBBBBBBBBBBBBBB");
    const raw = [Buffer.from('<script nonce="'), Buffer.from(`">x</script>${"\0".repeat(30)}<b>`)];
    for (const parts of [raw, raw.slice(0, 1).concat(Buffer.from('">AAAA\0\0\0BBBB</script>'))]) {
      const pieces = compressPieces(parts, 24);
      for (const nonce of [nonceA, nonceB]) {
        expect(gunzip(gzipBody(pieces, nonce))).toEqual(
          Buffer.concat([parts[0]!, nonce, parts[1]!]),
        );
      }
    }
    const plain = [
      Buffer.from("<p>AAAAAAAA"),
      Buffer.from("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA</p>"),
    ];
    for (const nonce of [nonceA, nonceB]) {
      expect(gunzip(gzipBody(compressPieces(plain, 24), nonce))).toEqual(
        Buffer.concat([plain[0]!, nonce, plain[1]!]),
      );
    }
  });

  it("holds no more memory than its compressed size, whatever zlib's chunks", () => {
    const parts = Array.from({ length: 30 }, (_, i) => Buffer.from(`<p>piece ${i}</p>`.repeat(50)));
    const { pieces, bytes } = compressPieces(parts, 24);
    const stores = new Set(pieces.map((piece) => piece.deflated.buffer));
    expect(stores.size).toBe(1);
    // One store of the pieces' size (a small one may sit in Node's shared 8 KB pool).
    expect([...stores][0]!.byteLength).toBeLessThanOrEqual(Math.max(bytes, 8 * 1024));
    expect(bytes).toBe(pieces.reduce((sum, piece) => sum + piece.deflated.length, 0));
  });

  it("writes the trailer a strict reader checks: CRC-32 and length", () => {
    const pieces = compressPieces([Buffer.from("a".repeat(70_000)), Buffer.from("b")], 2);
    const body = Buffer.concat(gzipBody(pieces, Buffer.from("--")));
    // gunzipSync checks both; a changed length or CRC is refused.
    expect(gunzipSync(body).length).toBe(70_003);
    const wrongLength = Buffer.from(body);
    wrongLength.writeUInt32LE(70_004, body.length - 4);
    expect(() => gunzipSync(wrongLength)).toThrow();
    const wrongCrc = Buffer.from(body);
    wrongCrc.writeUInt32LE(wrongCrc.readUInt32LE(body.length - 8) ^ 1, body.length - 8);
    expect(() => gunzipSync(wrongCrc)).toThrow();
  });
});
