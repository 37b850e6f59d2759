import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START, splitHighlights } from "../../shared/search";

describe("search highlights", () => {
  it("splits marked text into plain and matched parts", () => {
    expect(
      splitHighlights(`Protected ${MATCH_START}cycle${MATCH_END} ${MATCH_START}lanes${MATCH_END}.`),
    ).toEqual([
      { text: "Protected ", match: false },
      { text: "cycle", match: true },
      { text: " ", match: false },
      { text: "lanes", match: true },
      { text: ".", match: false },
    ]);
  });

  it("keeps text that looks like HTML as text", () => {
    expect(splitHighlights(`<img src=x onerror=alert(1)> ${MATCH_START}plan${MATCH_END}`)).toEqual([
      { text: "<img src=x onerror=alert(1)> ", match: false },
      { text: "plan", match: true },
    ]);
  });
});
