import { describe, expect, it } from "vitest";
import { boardIndexForSlot, displayOrder } from "../../../../app/components/board/PhaseBoard";

/** Rows of one column in board order; names ending in "!" are quick wins. */
function buildColumn(...names: string[]) {
  return names.map((name) => ({ id: name, valid: { quickWin: name.endsWith("!") } }));
}

/** The column as the board shows it after moving `id` to `index` in board order (as moveToPhase does). */
function shownAfterMove(column: ReturnType<typeof buildColumn>, id: string, index: number): string[] {
  const moving = column.find((row) => row.id === id) ?? { id, valid: { quickWin: id.endsWith("!") } };
  const others = column.filter((row) => row.id !== id);
  others.splice(index, 0, moving);
  return displayOrder(others).cards.map((row) => row.id);
}

describe("board columns", () => {
  it("show quick wins first, each group in board order", () => {
    const { cards, quickWins } = displayOrder(buildColumn("a", "b!", "c", "d!"));
    expect(cards.map((row) => row.id)).toEqual(["b!", "d!", "a", "c"]);
    expect(quickWins).toBe(2);
  });

  it.each([
    // Within the other items: board order interleaves quick wins, the shown order does not.
    { id: "c", slot: 0, shown: ["b!", "d!", "c", "a", "e"] },
    { id: "a", slot: 1, shown: ["b!", "d!", "c", "a", "e"] },
    { id: "a", slot: 2, shown: ["b!", "d!", "c", "e", "a"] },
    { id: "e", slot: 0, shown: ["b!", "d!", "e", "a", "c"] },
    // Within the quick wins.
    { id: "d!", slot: 0, shown: ["d!", "b!", "a", "c", "e"] },
    { id: "b!", slot: 1, shown: ["d!", "b!", "a", "c", "e"] },
    // Past the end of its group it stays at the end of its group.
    { id: "b!", slot: 9, shown: ["d!", "b!", "a", "c", "e"] },
  ])("moving $id to slot $slot of its group lands it there", ({ id, slot, shown }) => {
    const column = buildColumn("a", "b!", "c", "d!", "e");
    const index = boardIndexForSlot(column, id, id.endsWith("!"), slot);
    expect(shownAfterMove(column, id, index)).toEqual(shown);
  });

  it.each([
    { id: "x", slot: 0, shown: ["b!", "x", "a"] },
    { id: "x", slot: 1, shown: ["b!", "a", "x"] },
    { id: "x!", slot: 0, shown: ["x!", "b!", "a"] },
    { id: "x!", slot: 1, shown: ["b!", "x!", "a"] },
  ])("$id from another column dropped at slot $slot lands there", ({ id, slot, shown }) => {
    const column = buildColumn("a", "b!");
    const index = boardIndexForSlot(column, id, id.endsWith("!"), slot);
    expect(shownAfterMove(column, id, index)).toEqual(shown);
  });

  it("puts a card into an empty group at the top for quick wins and at the bottom otherwise", () => {
    expect(boardIndexForSlot(buildColumn("a", "c"), "x!", true, 0)).toBe(0);
    expect(boardIndexForSlot(buildColumn("a!", "c!"), "x", false, 0)).toBe(2);
    expect(boardIndexForSlot([], "x", false, 3)).toBe(0);
  });
});
