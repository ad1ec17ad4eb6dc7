import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { securityHeaders, type SecurityOptions } from "./security-headers.server";

let server: http.Server | undefined;
afterEach(() => server?.close());

/** A bare server behind the middleware, answering with the status the path names. */
async function serve(options: SecurityOptions) {
  const middleware = securityHeaders(options);
  server = http.createServer((req, res) => {
    middleware(req, res, () => {
      res.statusCode = Number(req.url!.slice(1));
      if (req.url === "/200") res.setHeader("Referrer-Policy", "no-referrer");
      if (req.url === "/201")
        res.setHeader("Content-Security-Policy", "sandbox; default-src 'none'");
      res.end(res.statusCode === 304 ? undefined : "ok");
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return (path: string) => fetch(`http://127.0.0.1:${port}${path}`, { redirect: "manual" });
}

describe("securityHeaders", () => {
  it("adds HSTS and upgrade-insecure-requests only for an https PUBLIC_URL", async () => {
    const https = await serve({ csp: true, https: true });
    const response = await https("/200");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    server!.close();
    const plain = await serve({ csp: true, https: false });
    const other = await plain("/200");
    expect(other.headers.get("strict-transport-security")).toBeNull();
    expect(other.headers.get("content-security-policy")).not.toContain("upgrade-insecure-requests");
  });

  it("sends no policy with a 304, but the other headers", async () => {
    const get = await serve({ csp: true, https: true });
    const response = await get("/304");
    expect(response.status).toBe(304);
    expect(response.headers.get("content-security-policy")).toBeNull();
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect((await get("/302")).headers.get("content-security-policy")).toMatch(/'nonce-/);
  });

  it("keeps a header the response set itself", async () => {
    const get = await serve({ csp: true, https: false });
    expect((await get("/200")).headers.get("referrer-policy")).toBe("no-referrer");
    expect((await get("/404")).headers.get("referrer-policy")).toBe("same-origin");
  });

  it("keeps a route's own Content-Security-Policy, and forbids framing in it too", async () => {
    for (const csp of [true, false]) {
      const get = await serve({ csp, https: false });
      expect((await get("/201")).headers.get("content-security-policy")).toBe(
        "sandbox; default-src 'none'; frame-ancestors 'none'",
      );
      server!.close();
    }
  });

  it("without the full policy (development) still forbids framing", async () => {
    const get = await serve({ csp: false, https: false });
    expect((await get("/200")).headers.get("content-security-policy")).toBe(
      "frame-ancestors 'none'",
    );
  });
});
