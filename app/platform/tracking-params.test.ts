import { describe, expect, it } from "vitest";
import { withoutTracking } from "./tracking-params";

describe("links with tracking parameters", () => {
  it("take away what social networks and newsletters add, and nothing else", () => {
    expect(withoutTracking("/meetings/smahus?fbclid=IwAR3xYz")).toBe("/meetings/smahus");
    expect(
      withoutTracking("/meetings/smahus?utm_source=facebook&utm_medium=social&utm_campaign=x"),
    ).toBe("/meetings/smahus");
    expect(withoutTracking("/?gclid=abc&lang=nn&_ga=2.1")).toBe("/?lang=nn");
    // The others stay as they came: their order, their escapes, an empty value.
    expect(withoutTracking("/q?sort=new&fbclid=1&theme=trafikk%20og%20vei&x=")).toBe(
      "/q?sort=new&theme=trafikk%20og%20vei&x=",
    );
    // An escaped name is still the parameter it names.
    expect(withoutTracking("/m?%66bclid=1&a=b")).toBe("/m?a=b");
  });

  it("leave an address without them alone", () => {
    expect(withoutTracking("/meetings/smahus")).toBeNull();
    expect(withoutTracking("/meetings/smahus?lang=en")).toBeNull();
    expect(withoutTracking("/meetings/smahus?sort=new&utm=1&fbclid_x=2")).toBeNull();
    expect(withoutTracking("/m?%E0%A4%A=1")).toBeNull();
  });

  it("never send anyone to another host", () => {
    expect(withoutTracking("//evil.example/?fbclid=1")).toBeNull();
    expect(withoutTracking("/\\evil.example/?fbclid=1")).toBeNull();
    expect(withoutTracking("http://evil.example/?fbclid=1")).toBeNull();
  });
});
