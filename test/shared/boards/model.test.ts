import * as Y from "yjs";
import { describe, expect, it } from "vitest";
import {
  checkRow,
  deleteRow,
  insertRow,
  moveRow,
  orderedRows,
  readBoard,
  richTextOf,
  rowsOf,
  setCell,
  setEntries,
} from "../../../shared/boards/model";
import { PIPELINE } from "../../../shared/boards/pipeline";
import { fragmentPlainText } from "../../../shared/editor/plain-text";
import { ROADMAP, roadmapProgress } from "../../../shared/boards/roadmap";

/** Two replicas of one board that exchange updates only when told to, like clients offline. */
function replicas(count = 2) {
  const docs = Array.from({ length: count }, () => new Y.Doc());
  const sync = () => {
    for (const from of docs) {
      for (const to of docs) {
        if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
      }
    }
  };
  return { docs, sync };
}

const titles = (doc: Y.Doc) => orderedRows(doc).map((row) => row.map.get("title"));

describe("the board engine", () => {
  it("keeps concurrent edits of different fields of one row", () => {
    const { docs, sync } = replicas();
    const [a, b] = docs as [Y.Doc, Y.Doc];
    const id = insertRow(a, ROADMAP, { values: { title: "Bus priority" } });
    sync();
    setCell(a, id, "status", "in-progress");
    setCell(b, id, "phase", "DELIVER");
    sync();
    for (const doc of docs) {
      const [row] = readBoard(doc, ROADMAP);
      expect(row!.valid).toMatchObject({ title: "Bus priority", status: "in-progress", phase: "DELIVER" });
    }
  });

  it("leaves exactly one copy of a row that two people move at once", () => {
    const { docs, sync } = replicas(3);
    const [a, b, c] = docs as [Y.Doc, Y.Doc, Y.Doc];
    for (const title of ["one", "two", "three", "four"]) insertRow(a, ROADMAP, { values: { title } });
    sync();
    const moved = orderedRows(a)[1]!.id;
    moveRow(a, moved, orderedRows(a), 0);
    moveRow(b, moved, orderedRows(b), 4);
    setCell(c, moved, "phase", "TRANSFORM");
    sync();
    expect(titles(a)).toEqual(titles(b));
    expect(titles(a)).toEqual(titles(c));
    expect(titles(a).filter((title) => title === "two")).toHaveLength(1);
    expect(titles(a)).toHaveLength(4);
    expect(rowsOf(a).get(moved)!.get("phase")).toBe("TRANSFORM");
  });

  it("keeps both rows inserted at one place at once, in the same order everywhere", () => {
    for (let attempt = 0; attempt < 20; attempt++) {
      const { docs, sync } = replicas();
      const [a, b] = docs as [Y.Doc, Y.Doc];
      insertRow(a, ROADMAP, { values: { title: "first" } });
      insertRow(a, ROADMAP, { values: { title: "last" } });
      sync();
      insertRow(a, ROADMAP, { values: { title: "from a" }, index: 1 });
      insertRow(b, ROADMAP, { values: { title: "from b" }, index: 1 });
      sync();
      expect(titles(a)).toEqual(titles(b));
      expect(titles(a)[0]).toBe("first");
      expect(titles(a)[3]).toBe("last");
      expect(new Set(titles(a).slice(1, 3))).toEqual(new Set(["from a", "from b"]));
      // Inserting later between the two still works, even if they drew the same index.
      insertRow(a, ROADMAP, { values: { title: "between" }, index: 2 });
      sync();
      expect(titles(b)).toHaveLength(5);
      expect(titles(b)).toEqual(titles(a));
    }
  });

  it("shows an invalid value as an error on its cell and leaves it out of the valid values", () => {
    const doc = new Y.Doc();
    const id = insertRow(doc, ROADMAP, {
      values: { title: "Retrofit pilot", start: "2027-05-01", end: "2027-02-30", cost: -5 },
    });
    let [row] = readBoard(doc, ROADMAP);
    expect(row!.errors).toEqual({ end: "That date does not exist", cost: "A cost cannot be negative" });
    expect(row!.valid).not.toHaveProperty("end");
    expect(row!.valid).not.toHaveProperty("cost");
    expect(row!.valid).toMatchObject({ title: "Retrofit pilot", start: "2027-05-01" });

    setCell(doc, id, "end", "2027-01-31");
    [row] = readBoard(doc, ROADMAP);
    expect(row!.errors).toEqual({ end: "The end comes before the start", cost: "A cost cannot be negative" });

    expect(checkRow(ROADMAP, { title: " ", phase: "LATER", clauses: ["B99"] }).errors).toEqual({
      title: "Give the item a title",
      phase: "Choose a phase",
      clauses: "Use clause ids such as A, B8, B4c, C or D",
    });
  });

  it("holds long text as rich text, read as plain text", () => {
    const doc = new Y.Doc();
    const id = insertRow(doc, ROADMAP, {
      values: { title: "Open data portal", description: "Publish\nand share" },
    });
    const fragment = richTextOf(doc, id, "description")!;
    expect(fragment.length).toBe(2);
    expect(fragmentPlainText(fragment)).toBe("Publish\nand share");
    expect(readBoard(doc, ROADMAP)[0]!.valid.description).toBe("Publish\nand share");
  });

  it("removes a deleted row from the dependencies of the others", () => {
    const doc = new Y.Doc();
    const first = insertRow(doc, ROADMAP, { values: { title: "Survey" } });
    const second = insertRow(doc, ROADMAP, { values: { title: "Pilot", dependsOn: [first] } });
    deleteRow(doc, ROADMAP, first);
    expect(readBoard(doc, ROADMAP).map((row) => row.id)).toEqual([second]);
    expect(rowsOf(doc).get(second)!.get("dependsOn")).toEqual([]);
  });

  it("counts progress per phase and overall, leaving dropped items out", () => {
    const progress = roadmapProgress([
      { phase: "PLAN", status: "done" },
      { phase: "PLAN", status: "in-progress" },
      { phase: "PLAN", status: "dropped" },
      { phase: "DELIVER", status: "done" },
    ]);
    expect(progress.overall).toEqual({ done: 2, total: 3, share: 2 / 3 });
    expect(progress.phases.find((phase) => phase.phase === "PLAN")).toMatchObject({ done: 1, total: 2 });
    expect(progress.phases.find((phase) => phase.phase === "TRANSFORM")).toMatchObject({
      total: 0,
      share: 0,
    });
  });
});

describe("a field kept as a map of its own", () => {
  const yes = (note: string) => ({ answer: "yes", note });

  it("keeps both answers when two people answer different criteria of the check at once", () => {
    const { docs, sync } = replicas();
    const [ana, ben] = docs as [Y.Doc, Y.Doc];
    const id = insertRow(ana, PIPELINE, {
      values: { title: "Street lighting", check: { outcomes: yes("Lux levels") } },
    });
    sync();
    const read = (doc: Y.Doc) => readBoard(doc, PIPELINE)[0]!.valid.check;
    // Each commits the whole check as the editor does, with the one answer they changed.
    setEntries(ana, id, "check", { outcomes: yes("Lux levels"), openData: yes("City owns the data") });
    setEntries(ben, id, "check", { outcomes: yes("Lux levels"), smes: { answer: "partly", note: "Lots" } });
    sync();
    const expected = {
      outcomes: yes("Lux levels"),
      openData: yes("City owns the data"),
      smes: { answer: "partly", note: "Lots" },
    };
    expect(read(ana)).toEqual(expected);
    expect(read(ben)).toEqual(expected);
  });

  it("turns a check stored whole by an older version into a map on its first change, keeping its answers", () => {
    const doc = new Y.Doc();
    const id = insertRow(doc, PIPELINE, { values: { title: "Depot" } });
    setCell(doc, id, "check", { outcomes: yes("Kept") });
    setEntries(doc, id, "check", { outcomes: yes("Kept"), exit: { answer: "no", note: "Locked in" } });
    expect(rowsOf(doc).get(id)!.get("check")).toBeInstanceOf(Y.Map);
    expect(readBoard(doc, PIPELINE)[0]!.valid.check).toEqual({
      outcomes: yes("Kept"),
      exit: { answer: "no", note: "Locked in" },
    });
    // Taking an answer away removes its entry.
    setEntries(doc, id, "check", { exit: { answer: "no", note: "Locked in" } });
    expect(readBoard(doc, PIPELINE)[0]!.valid.check).toEqual({ exit: { answer: "no", note: "Locked in" } });
  });
});
