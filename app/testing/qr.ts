/**
 * For tests: which QR code a PNG draws, read back pixel by pixel, so a test can say "this
 * image holds exactly that text" whatever encoder settings made the file.
 */
import QRCode from "qrcode";
import { PNG } from "pngjs";

/**
 * The modules that differ between the image and the QR code of `text` (medium error
 * correction, `margin` modules of quiet zone), as "row,col"; empty when the image draws
 * exactly that code. The quiet zone is checked too: it must be light.
 */
export function qrMismatches(png: Buffer, text: string, margin = 2): string[] {
  const image = PNG.sync.read(png);
  const { modules } = QRCode.create(text, { errorCorrectionLevel: "M" });
  const scale = image.width / (modules.size + 2 * margin);
  const dark = (x: number, y: number) =>
    image.data[(Math.floor(y) * image.width + Math.floor(x)) * 4] === 0;
  const wrong: string[] = [];
  for (let row = -margin; row < modules.size + margin; row++) {
    for (let col = -margin; col < modules.size + margin; col++) {
      const inside = row >= 0 && col >= 0 && row < modules.size && col < modules.size;
      const expected = inside && Boolean(modules.get(row, col));
      if (dark((margin + col + 0.5) * scale, (margin + row + 0.5) * scale) !== expected) {
        wrong.push(`${row},${col}`);
      }
    }
  }
  return wrong;
}
