/**
 * The one way the app draws a QR code: the check-in code in the confirmation mail and on the
 * personal page, and the hall's question link on the organisers' page and the projector. Every
 * code gets the same error correction and quiet zone, so each scans the same way from a phone.
 * It lives here, beside the mails, because emails/ imports nothing from app/ and app/ may
 * import emails/.
 */
import { PNG } from "pngjs";
import QRCode from "qrcode";

// Medium error correction survives a smudged print-out or a projector's glare; a quiet zone of
// two modules is what phone cameras need to find the code.
const MARGIN = 2;
const LIGHT = 0xff;
const DARK = 0x00;

/**
 * The code's pixels, one byte (grey level) each, `width` pixels square. Each pixel takes the
 * module under it as qrcode's own PNG renderer maps them (emails/qr-code.test.ts compares the
 * two), so a module may be a pixel wider than its neighbour when `width` is not a multiple of
 * the code's size.
 *
 * qrcode draws into an RGBA bitmap pixel by pixel, and pngjs then filters all four channels of
 * every pixel in JavaScript: about 4 ms of the request loop for a 320-pixel code, in every
 * confirmation mail and on every visit to a personal page. A code is black and white and its
 * rows repeat a module's height at a time, so here each distinct row is drawn once and copied,
 * and the PNG is greyscale (a quarter of the bytes to filter; viewers show the same image).
 */
function pixels(text: string, width: number): Buffer {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const scale = width / (modules.size + 2 * MARGIN);
  const margin = MARGIN * scale;
  // The module under a pixel's row or column, -1 in the quiet zone.
  const moduleAt = (pixel: number) =>
    pixel >= margin && pixel < width - margin ? Math.floor((pixel - margin) / scale) : -1;
  const columns = Int32Array.from({ length: width }, (_, x) => moduleAt(x));
  const data = Buffer.alloc(width * width, LIGHT);
  let previous = -1;
  for (let y = 0; y < width; y++) {
    const row = moduleAt(y);
    const start = y * width;
    if (row === -1) continue;
    if (row === previous) {
      data.copy(data, start, start - width, start);
      continue;
    }
    for (let x = 0; x < width; x++) {
      const column = columns[x]!;
      if (column !== -1 && modules.get(row, column)) data[start + x] = DARK;
    }
    previous = row;
  }
  return data;
}

/** A PNG of `width` pixels, for a mail's inline image. */
export function qrCodePng(text: string, width: number): Promise<Buffer> {
  const png = new PNG({
    colorType: 0,
    inputColorType: 0,
    inputHasAlpha: false,
    bitDepth: 8,
    // Rows stored as their difference from the row above ("Up"), not pngjs's default of trying
    // all five filters on every row: that trial is JavaScript on the request loop, and on a QR
    // code's repeated rows Up leaves mostly zeros anyway.
    filterType: 2,
    deflateLevel: 9,
  });
  png.width = width;
  png.height = width;
  png.data = pixels(text, width);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    png.on("data", (chunk: Buffer) => chunks.push(chunk));
    png.on("end", () => resolve(Buffer.concat(chunks)));
    png.on("error", reject);
    png.pack();
  });
}

/** A data: URL of a PNG of `width` pixels, for an <img> on a page. */
export async function qrCodeDataUrl(text: string, width: number): Promise<string> {
  return `data:image/png;base64,${(await qrCodePng(text, width)).toString("base64")}`;
}
