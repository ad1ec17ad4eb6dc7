import { describe, expect, it } from "vitest";
import { assertSameOrigin, isCrossSiteRequest } from "./csrf.server";

const publicUrl = "https://moter.roros.kommune.no";
const post = (headers: Record<string, string>, url = "http://127.0.0.1:3000/admin/meetings") =>
  new Request(url, { method: "POST", headers });

describe("isCrossSiteRequest", () => {
  it("accepts our own pages' posts", () => {
    expect(isCrossSiteRequest(post({ "Sec-Fetch-Site": "same-origin" }), publicUrl)).toBe(false);
    expect(
      isCrossSiteRequest(
        post({ "Sec-Fetch-Site": "same-origin", Origin: "http://127.0.0.1:3000" }),
        publicUrl,
      ),
    ).toBe(false);
    // Behind the proxy: the request URL is internal, the browser's Origin is the public one.
    expect(isCrossSiteRequest(post({ Origin: "https://moter.roros.kommune.no" }), publicUrl)).toBe(
      false,
    );
    expect(isCrossSiteRequest(post({ "Sec-Fetch-Site": "none" }), publicUrl)).toBe(false);
  });

  it("refuses cross-site and same-site posts by Sec-Fetch-Site", () => {
    expect(isCrossSiteRequest(post({ "Sec-Fetch-Site": "cross-site" }), publicUrl)).toBe(true);
    expect(isCrossSiteRequest(post({ "Sec-Fetch-Site": "same-site" }), publicUrl)).toBe(true);
  });

  it("refuses a foreign or opaque Origin", () => {
    expect(isCrossSiteRequest(post({ Origin: "https://evil.example" }), publicUrl)).toBe(true);
    expect(isCrossSiteRequest(post({ Origin: "http://moter.roros.kommune.no" }), publicUrl)).toBe(
      true,
    );
    expect(isCrossSiteRequest(post({ Origin: "null" }), publicUrl)).toBe(true);
    expect(
      isCrossSiteRequest(
        post({ "Sec-Fetch-Site": "same-origin", Origin: "https://evil.example" }),
        publicUrl,
      ),
    ).toBe(true);
  });

  it("refuses a post with neither header", () => {
    expect(isCrossSiteRequest(post({}), publicUrl)).toBe(true);
  });

  it("leaves GET and HEAD alone", () => {
    const get = new Request("http://127.0.0.1:3000/admin", {
      headers: { "Sec-Fetch-Site": "cross-site" },
    });
    expect(isCrossSiteRequest(get, publicUrl)).toBe(false);
    expect(isCrossSiteRequest(new Request(get, { method: "HEAD" }), publicUrl)).toBe(false);
  });
});

describe("assertSameOrigin", () => {
  it("throws a 403 for a cross-site post and nothing for our own", () => {
    let thrown: unknown;
    try {
      assertSameOrigin(post({ Origin: "https://evil.example" }), publicUrl);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ init: { status: 403 } });
    expect(() =>
      assertSameOrigin(post({ "Sec-Fetch-Site": "same-origin" }), publicUrl),
    ).not.toThrow();
  });
});
