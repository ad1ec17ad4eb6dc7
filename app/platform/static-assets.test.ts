// The browser's files (scripts, styles) are compressed once, at build time (vite.config.ts),
// and the built server answers each browser with the encoding it takes from those files, held
// in memory (built-files.server.ts): no compression work per request, which for the biggest
// script cost about 6 ms of the server's thread per first visit, twenty times the kept page.
import fs from "node:fs";
import http from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../../db/connection";
import { startServer } from "../testing/server";

const assetsDir = path.join(projectRoot(), "build/client/assets");

/** A request with exactly these headers on a connection of its own, the body as sent (not decoded). */
function request(url: string, method: "GET" | "HEAD", headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>(
    (resolve, reject) => {
      http
        .request(url, { method, headers, agent: false }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("end", () =>
            resolve({
              status: res.statusCode ?? 0,
              headers: res.headers,
              body: Buffer.concat(chunks),
            }),
          );
        })
        .on("error", reject)
        .end();
    },
  );
}

const get = (url: string, headers: Record<string, string> = {}) => request(url, "GET", headers);

describe("the browser's files as the built server sends them", () => {
  let dir: string;
  let base: string;
  let stop: () => void;
  /** The scripts and styles the front page links to, as paths under /assets. */
  let linked: string[];

  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "folkemote-assets-"));
    ({ base, stop } = await startServer(dir));
    const html = (await get(`${base}/`)).body.toString();
    linked = [...new Set([...html.matchAll(/"(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!))];
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
    const compressed = linked.filter((p) =>
      fs.existsSync(path.join(assetsDir, `${p.slice(8)}.br`)),
    );
    expect(compressed.length).toBeGreaterThan(3);
    for (const asset of compressed) {
      const file = path.join(assetsDir, asset.slice("/assets/".length));
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
    const asset = linked.find(
      (p) => p.endsWith(".js") && fs.existsSync(path.join(assetsDir, `${p.slice(8)}.gz`)),
    )!;
    const file = path.join(assetsDir, asset.slice("/assets/".length));

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
    const asset = linked.find((p) => fs.existsSync(path.join(assetsDir, `${p.slice(8)}.br`)))!;
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
    const asset = linked.find((p) => fs.existsSync(path.join(assetsDir, `${p.slice(8)}.br`)))!;
    expect((await get(`${base}${asset}.br`, { "Accept-Encoding": "br" })).status).toBe(404);
    expect((await get(`${base}/assets/%2e%2e/package.json`)).status).toBe(404);
    expect((await get(`${base}/assets/..%2f..%2fpackage.json`)).status).toBe(404);
    expect((await get(`${base}/assets/`)).status).toBe(404);
  });

  it("answers a HEAD with the length of what a GET would send, and a range request with the whole file", async () => {
    const asset = linked.find((p) => fs.existsSync(path.join(assetsDir, `${p.slice(8)}.br`)))!;
    const file = path.join(assetsDir, asset.slice("/assets/".length));
    const head = await request(`${base}${asset}`, "HEAD", { "Accept-Encoding": "br" });
    expect(head.status).toBe(200);
    expect(head.headers["content-encoding"]).toBe("br");
    expect(Number(head.headers["content-length"])).toBe(fs.statSync(`${file}.br`).size);
    expect(head.body.length).toBe(0);
    const ranged = await get(`${base}${asset}`, { Range: "bytes=0-9" });
    expect(ranged.status).toBe(200);
    expect(ranged.body.equals(fs.readFileSync(file))).toBe(true);
  });
});
