import { describe, expect, it } from "vitest";
import { createCitySchema, safeRedirectPath, signUpSchema } from "../../shared/validation";

describe("safeRedirectPath", () => {
  it.each([
    ["/c/aldermoor", "/c/aldermoor"],
    ["/c/aldermoor/members?x=1", "/c/aldermoor/members?x=1"],
    ["https://evil.example/", "/"],
    ["//evil.example/", "/"],
    ["/\\evil.example", "/"],
    ["/%0d%0aLocation:x", "/%0d%0aLocation:x"],
    ["/\r\nSet-Cookie: x", "/"],
    ["javascript:alert(1)", "/"],
    ["", "/"],
    [undefined, "/"],
  ])("%j becomes %j", (target, expected) => {
    expect(safeRedirectPath(target)).toBe(expected);
  });
});

describe("sign-up input", () => {
  it("keeps email lower-case and trims the name", () => {
    const parsed = signUpSchema.parse({
      name: "  Ada  ",
      email: " Ada@Example.ORG ",
      password: "0123456789",
    });
    expect(parsed).toEqual({ name: "Ada", email: "ada@example.org", password: "0123456789" });
  });

  it("names each bad field", () => {
    const result = signUpSchema.safeParse({ name: "", email: "nope", password: "short" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((issue) => issue.path[0]);
    expect(fields).toEqual(expect.arrayContaining(["name", "email", "password"]));
  });
});

describe("city input", () => {
  it("accepts a hyphenated slug and lower-cases it", () => {
    expect(createCitySchema.parse({ name: "Milton Keynes", slug: "Milton-Keynes", country: "UK" }).slug).toBe(
      "milton-keynes",
    );
  });

  it.each(["-lead", "trail-", "two--hyphens", "spa ce", "x", "ünïcode"])("refuses the slug %j", (slug) => {
    expect(createCitySchema.safeParse({ name: "N", slug, country: "UK" }).success).toBe(false);
  });
});
