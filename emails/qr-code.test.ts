import { PNG } from "pngjs";
import QRCode from "qrcode";
import { inflateSync } from "node:zlib";
import { expect, it } from "vitest";
import { qrMismatches } from "../app/testing/qr";
import { qrCodeDataUrl, qrCodePng } from "./qr-code";

const CHECK_IN = "https://moter.roros.kommune.no/admin/meetings/12/check-in?code=K7M2-QX9P";

/** The filter type byte at the start of each scanline of an 8-bit greyscale PNG. */
function rowFilters(png: Buffer, width: number): number[] {
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    if (png.toString("latin1", at + 4, at + 8) === "IDAT")
      idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = 1 + width;
  return Array.from({ length: raw.length / stride }, (_, row) => raw[row * stride]!);
}

it("draws the check-in code module by module, with its quiet zone, in a small PNG", async () => {
  const file = await qrCodePng(CHECK_IN, 320);
  const image = PNG.sync.read(file);
  expect([image.width, image.height]).toEqual([320, 320]);
  // Greyscale, 8 bits (IHDR: bit depth, then colour type): a quarter of RGBA's bytes to filter.
  expect([file[24], file[25]]).toEqual([8, 0]);
  expect(qrMismatches(file, CHECK_IN)).toEqual([]);
  // The reading is strict enough to tell another text's code apart.
  expect(qrMismatches(file, `${CHECK_IN}0`).length).toBeGreaterThan(50);
  // Rows are stored as differences from the row above ("Up"), which costs little to make.
  expect(new Set(rowFilters(file, 320))).toEqual(new Set([2]));
  expect(file.length).toBeLessThan(10_000);
  // The page's data: URL is the same file.
  expect(await qrCodeDataUrl(CHECK_IN, 320)).toBe(
    `data:image/png;base64,${file.toString("base64")}`,
  );
});

it("draws the same pixels as qrcode's own PNG renderer, at any width", async () => {
  for (const [text, width] of [
    [CHECK_IN, 320],
    ["https://folkemote.example/m/smahus/ask", 333],
    ["https://folkemote.example/r/abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH", 480],
  ] as const) {
    const own = PNG.sync.read(await qrCodePng(text, width));
    const library = PNG.sync.read(
      await QRCode.toBuffer(text, { errorCorrectionLevel: "M", margin: 2, width }),
    );
    expect([own.width, own.height]).toEqual([library.width, library.height]);
    expect(own.data.equals(library.data)).toBe(true);
  }
});
