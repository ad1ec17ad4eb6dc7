/**
 * The one way the app draws a QR code: the check-in code in the confirmation mail and on the
 * personal page, and the hall's question link on the organisers' page and the projector. Every
 * code gets the same error correction and quiet zone, so each scans the same way from a phone.
 * It lives here, beside the mails, because emails/ imports nothing from app/ and app/ may
 * import emails/.
 */
import QRCode from "qrcode";

// Medium error correction survives a smudged print-out or a projector's glare; a quiet zone of
// two modules is what phone cameras need to find the code.
//
// PNG rows are filtered with "Up" (each row stored as its difference from the row above), not
// pngjs's default of trying all five filters on every row: that trial is JavaScript on the
// request loop, most of the 12–15 ms a 320-pixel code took (about 5 ms with Up), for every
// confirmation mail and every visit to a personal page. A code's rows repeat a module's height at a time, so Up
// leaves mostly zeros and the file stays small (about 6.5 KB at 320 pixels instead of 2.4 KB).
// A fresh renderer options object each time: qrcode writes the size into it.
function options(width: number) {
  // qrcode hands rendererOpts to pngjs as they are; its types list only the deflate settings
  // (9, the most compression, is pngjs's default).
  const rendererOpts: { deflateLevel: number; filterType: number } = {
    deflateLevel: 9,
    filterType: 2,
  };
  return { errorCorrectionLevel: "M", margin: 2, width, rendererOpts } as const;
}

/** A PNG of `width` pixels, for a mail's inline image. */
export function qrCodePng(text: string, width: number): Promise<Buffer> {
  return QRCode.toBuffer(text, options(width));
}

/** A data: URL of a PNG of `width` pixels, for an <img> on a page. */
export async function qrCodeDataUrl(text: string, width: number): Promise<string> {
  return `data:image/png;base64,${(await qrCodePng(text, width)).toString("base64")}`;
}
