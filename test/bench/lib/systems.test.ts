import { describe, expect, it } from "vitest";
import { ourNodeFlags } from "./systems";

describe("how the benchmarks start our server", () => {
  it("with the Node flags that npm start gives it", () => {
    expect(ourNodeFlags()).toEqual(["--max-semi-space-size=64"]);
  });
});
