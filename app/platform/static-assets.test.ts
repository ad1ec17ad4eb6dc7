// The browser's files (scripts, styles) are compressed once, at build time (vite.config.ts),
// and the built server answers each browser with the encoding it takes from those files, held
// in memory (built-files.server.ts): no compression work per request, which for the biggest
// script cost about 6 ms of the server's thread per first visit, twenty times the kept page.
import fs from "node:fs";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../db/connection";
import { rawRequest, startServer } from "../testing/server";

const assetsDir = path.join(projectRoot(), "build/client/assets");

const get = (url: string, headers: Record<string, string> = {}) => rawRequest(url, "GET", headers);

describe("the browser's files as the built server sends them", () => {
  let dir: string;
  let base: string;
  let stop: () => void;
  /** The scripts and styles the front page links to that have copies, with their path on disk. */
  let withCopies: { asset: string; file: string }[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "folkemote-assets-"));
    ({ base, stop } = await startServer(dir));
    const html = (await get(`${base}/`)).body.toString();
    const linked = [
      ...new Set([...html.matchAll(/"(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!)),
    ];
    withCopies = linked
      .map((asset) => ({ asset, file: path.join(assetsDir, asset.slice("/assets/".length)) }))
      .filter(({ file }) => fs.existsSync(`${file}.br`) && fs.existsSync(`${file}.gz`));
  }, 30_000);

  afterAll(() => {
    stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("has a brotli and a gzip copy beside every script and style the build made", () => {
    const text = fs.readdirSync(assetsDir).filter((name) => /\.(js|css)$/.test(name));
    const big = text.filter((name) => fs.statSync(path.join(assetsDir, name)).size >= 1024);
    expect(big.length).toBeGreaterThan(5);
    for (const name of big) {
      const original = fs.readFileSync(path.join(assetsDir, name));
      expect(brotliDecompressSync(fs.readFileSync(path.join(assetsDir, `${name}.br`)))).toEqual(
        original,
      );
      expect(gunzipSync(fs.readFileSync(path.join(assetsDir, `${name}.gz`)))).toEqual(original);
    }
  });

  it("sends a browser that takes brotli the file compressed at build time", async () => {
    expect(withCopies.length).toBeGreaterThan(3);
    for (const { asset, file } of withCopies) {
      const answer = await get(`${base}${asset}`, {
        "Accept-Encoding": "gzip, deflate, br, zstd",
      });
      expect(answer.status).toBe(200);
      expect(answer.headers["content-encoding"]).toBe("br");
      expect(answer.headers["vary"]).toMatch(/Accept-Encoding/i);
      expect(answer.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(answer.headers["content-type"]).toMatch(
        asset.endsWith(".css") ? /^text\/css/ : /^text\/javascript/,
      );
      // The very bytes of the build's file: nothing was compressed for this request.
      expect(answer.body.equals(fs.readFileSync(`${file}.br`))).toBe(true);
      expect(Number(answer.headers["content-length"])).toBe(answer.body.length);
    }
  });

  it("sends gzip to a client that refuses brotli, and the plain file to one that asks for none", async () => {
    const { asset, file } = withCopies.find(({ asset }) => asset.endsWith(".js"))!;

    const gzip = await get(`${base}${asset}`, { "Accept-Encoding": "br;q=0, gzip" });
    expect(gzip.headers["content-encoding"]).toBe("gzip");
    expect(gzip.body.equals(fs.readFileSync(`${file}.gz`))).toBe(true);
    expect(gunzipSync(gzip.body).equals(fs.readFileSync(file))).toBe(true);

    const plain = await get(`${base}${asset}`, { "Accept-Encoding": "identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(plain.body.equals(fs.readFileSync(file))).toBe(true);

    const none = await get(`${base}${asset}`);
    expect(none.headers["content-encoding"]).toBeUndefined();
    expect(none.body.equals(fs.readFileSync(file))).toBe(true);
  });

  it("answers a repeat request for a compressed file with 304 by its own ETag", async () => {
    const { asset } = withCopies[0]!;
    const headers = { "Accept-Encoding": "gzip, br" };
    const first = await get(`${base}${asset}`, headers);
    const plain = await get(`${base}${asset}`);
    expect(first.headers.etag).toBeTruthy();
    // Each encoding has its own ETag, so a cache never swaps one for the other.
    expect(first.headers.etag).not.toBe(plain.headers.etag);
    const again = await get(`${base}${asset}`, {
      ...headers,
      "If-None-Match": first.headers.etag!,
    });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
  });

  it("answers only the names the build wrote: a malformed one with 400, a copy's own name or another path with 404", async () => {
    expect((await get(`${base}/assets/%E0%A4%A.js`)).status).toBe(400);
    const { asset } = withCopies[0]!;
    expect((await get(`${base}${asset}.br`, { "Accept-Encoding": "br" })).status).toBe(404);
    expect((await get(`${base}/assets/%2e%2e/package.json`)).status).toBe(404);
    expect((await get(`${base}/assets/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await get(`${base}/assets/`)).status).toBe(404);
  });

  it("answers a HEAD with the length of what a GET would send, and a range request with the whole file", async () => {
    const { asset, file } = withCopies[0]!;
    const head = await rawRequest(`${base}${asset}`, "HEAD", { "Accept-Encoding": "br" });
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(Number(head.headers["content-length"])).toBe(fs.statSync(`${file}.br`).size);
    expect(head.body.length).toBe(0);
    const ranged = await get(`${base}${asset}`, { Range: "bytes=0-9" });
    expect(ranged.status).toBe(200);
    expect(ranged.body.equals(fs.readFileSync(file))).toBe(true);
  });
});
