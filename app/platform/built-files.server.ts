/**
 * The browser's files (build/client/assets) for server.js, answered from memory. They are
 * named by their content's hash and never change while the server runs, so each is read once,
 * at start, with the brotli and gzip copies the build wrote beside it (vite.config.ts, ADR
 * 0025), and every answer is one write of a buffer already held: no file system call, no read
 * stream, no buffer allocated per request. Streamed from disk, a first visit's 27 files each
 * cost a stat, an open, a read and a close on libuv's pool, and six seconds of the big script
 * asked for without compression at full speed left about 20 MB more resident (its 64 KB chunks
 * piling up between collections).
 *
 * Only the names the build wrote are answered; anything else goes on to the next handler (the
 * framework's 404 page), so no request can reach another file. Range requests get the whole
 * file, which HTTP allows.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { NextFunction, Request, Response } from "express";

type Encoding = "br" | "gzip";
/** Ours, in the order we prefer when the browser takes several. */
const ENCODINGS: { name: Encoding; suffix: string }[] = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
];

interface Variant {
  body: Buffer;
  etag: string;
}

interface BuiltFile {
  /** The extension, for Express's Content-Type (`res.type`). */
  extension: string;
  plain: Variant;
  encoded: Map<Encoding, Variant>;
}

const CACHE_CONTROL = "public, max-age=31536000, immutable";

function variant(body: Buffer): Variant {
  // Strong: the bytes of one encoding, which is what a cache validates.
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  return { body, etag };
}

/** Every file under `dir` (the compressed copies beside their original), by URL path. */
function readBuiltFiles(dir: string): Map<string, BuiltFile> {
  const files = new Map<string, BuiltFile>();
  const names = fs.readdirSync(dir, { recursive: true, encoding: "utf8" });
  const present = new Set(names);
  for (const name of names) {
    if (ENCODINGS.some((e) => name.endsWith(e.suffix))) continue;
    const file = path.join(dir, name);
    if (!fs.statSync(file).isFile()) continue;
    const encoded = new Map<Encoding, Variant>();
    for (const { name: encoding, suffix } of ENCODINGS) {
      if (present.has(name + suffix)) {
        encoded.set(encoding, variant(fs.readFileSync(file + suffix)));
      }
    }
    files.set(`/${name.split(path.sep).join("/")}`, {
      extension: path.extname(name),
      plain: variant(fs.readFileSync(file)),
      encoded,
    });
  }
  return files;
}

/** Express middleware for the built files under `dir`, mounted where their URLs start. */
export function builtFiles(dir: string) {
  const files = readBuiltFiles(dir);
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    const file = files.get(req.path);
    if (!file) return next();
    // The first of ours the request takes (q=0 refuses); without Accept-Encoding, none.
    let chosen: Variant = file.plain;
    for (const { name } of ENCODINGS) {
      const copy = file.encoded.get(name);
      if (copy && req.acceptsEncodings(name) === name) {
        chosen = copy;
        res.setHeader("Content-Encoding", name);
        break;
      }
    }
    if (file.encoded.size > 0) res.vary("Accept-Encoding");
    res.type(file.extension);
    res.setHeader("Cache-Control", CACHE_CONTROL);
    res.setHeader("ETag", chosen.etag);
    if (req.fresh) {
      res.removeHeader("Content-Encoding");
      res.status(304).end();
      return;
    }
    res.setHeader("Content-Length", String(chosen.body.length));
    if (req.method === "HEAD") {
      res.end();
      return;
    }
    res.end(chosen.body);
  };
}
