/**
 * A gzip body made of pieces compressed once and short text that changes with every answer
 * (a kept page and its CSP nonce: page-cache.server.ts). Compressing a kept page for each
 * visit cost ten times what sending it does, and every browser asks for compression.
 *
 * Each piece is compressed by zlib on its own and ends with a full flush (RFC 1951: the
 * output ends on a byte boundary), so the pieces can be put side by side with stored
 * (uncompressed) blocks between them holding what changes per answer; a final empty stored
 * block ends the stream, and the gzip header and trailer (RFC 1952, the trailer's CRC-32 by
 * zlib) wrap it.
 *
 * So that a piece may still refer back to the text before it (the page compresses to two
 * thirds of the size it would without), it is compressed with that text as zlib's preset
 * dictionary, the gaps filled with NUL bytes. The decoder's window holds the same text with
 * the gap's bytes in their place: the distances are right as long as each gap is filled with
 * as many bytes as it was kept with, and no match reaches into a gap, since HTML holds no NUL
 * byte for a match to start or run on. A page that does hold one is compressed without.
 */
import { constants, crc32, deflateRawSync } from "node:zlib";

/** A piece compressed for `gzipBody`, with its raw bytes (the trailer's CRC-32 reads them). */
interface CompressedPiece {
  readonly deflated: Buffer;
  readonly raw: Buffer;
}

/** Pieces to be joined with `gap` bytes between each two of them. */
export interface CompressedPieces {
  readonly pieces: readonly CompressedPiece[];
  readonly gap: number;
  /** Their compressed size, for the memory they take. */
  readonly bytes: number;
}

/** deflate's window: a match reaches at most this far back. */
const WINDOW = 32 * 1024;

export function compressPieces(parts: readonly Buffer[], gap: number): CompressedPieces {
  // The page as the decoder's window will hold it, each gap's bytes NUL: one copy, sliced.
  const filler = Buffer.alloc(gap);
  const text = Buffer.concat(parts.flatMap((part, i) => (i === 0 ? [part] : [filler, part])));
  const refer = !parts.some((part) => part.includes(0));
  let at = 0;
  const deflated = parts.map((raw) => {
    const options: { finishFlush: number; dictionary?: Buffer } = {
      finishFlush: constants.Z_FULL_FLUSH,
    };
    if (refer && at > 0) options.dictionary = text.subarray(Math.max(0, at - WINDOW), at);
    at += raw.length + gap;
    return deflateRawSync(raw, options);
  });
  // zlib hands each output back in a buffer of its own chunk size (16 KB for a few bytes):
  // kept as they came, thirty pieces would hold half a megabyte. One buffer of the exact
  // size, viewed piece by piece.
  const all = Buffer.concat(deflated);
  let from = 0;
  const pieces = deflated.map((piece, i) => {
    from += piece.length;
    return { deflated: all.subarray(from - piece.length, from), raw: parts[i]! };
  });
  return { pieces, gap, bytes: all.length };
}

// ID1 ID2, deflate, no flags, no modification time, no extra flags, OS "Unix" (as zlib writes).
const HEADER = Buffer.from([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0x03]);
// BFINAL set, stored, no bytes (LEN 0, NLEN 0xffff).
const LAST_BLOCK = Buffer.from([0x01, 0x00, 0x00, 0xff, 0xff]);
const MAX_STORED = 0xffff;

/** `bytes` as a stored (uncompressed) deflate block, starting on a byte boundary. */
function storedBlock(bytes: Buffer): Buffer {
  if (bytes.length > MAX_STORED) throw new RangeError("a stored block holds at most 65,535 bytes");
  const header = Buffer.from([
    0x00,
    bytes.length & 0xff,
    bytes.length >> 8,
    ~bytes.length & 0xff,
    (~bytes.length >> 8) & 0xff,
  ]);
  return Buffer.concat([header, bytes]);
}

/**
 * The gzip body of the pieces with `between` (as many bytes as their gap) between each two of
 * them, as buffers to write one after the other: the pieces' own bytes are not copied.
 */
export function gzipBody({ pieces, gap }: CompressedPieces, between: Buffer): Buffer[] {
  if (between.length !== gap)
    throw new RangeError(`the gap holds ${gap} bytes, not ${between.length}`);
  const out: Buffer[] = [HEADER];
  const stored = storedBlock(between);
  let crc = 0;
  let length = 0;
  // Node 20's crc32() answers 0 for some empty buffers whatever the value it carries on
  // from (one made by Buffer.from("") and given to zlib before), so empty ones are skipped.
  const carry = (bytes: Buffer) => {
    if (bytes.length > 0) crc = crc32(bytes, crc);
    length += bytes.length;
  };
  pieces.forEach((piece, i) => {
    if (i > 0) {
      out.push(stored);
      carry(between);
    }
    out.push(piece.deflated);
    carry(piece.raw);
  });
  out.push(LAST_BLOCK);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(length % 2 ** 32, 4);
  out.push(trailer);
  return out;
}
