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
const options = { errorCorrectionLevel: "M", margin: 2 } as const;

/** A PNG of `width` pixels, for a mail's inline image. */
export function qrCodePng(text: string, width: number): Promise<Buffer> {
  return QRCode.toBuffer(text, { ...options, width });
}

/** A data: URL of a PNG of `width` pixels, for an <img> on a page. */
export function qrCodeDataUrl(text: string, width: number): Promise<string> {
  return QRCode.toDataURL(text, { ...options, width });
}
