import { describe, expect, it } from "vitest";
import { listBoardRows } from "../../../db/repositories/board-rows";
import { findCityBySlug } from "../../../db/repositories/cities";
import { findCityBoard } from "../../../server/boards/commands";
import { buildDemoRoadmap, DEMO_CITIES, seedDemo } from "../../../server/demo";
import type { DemoRoadmapItem } from "../../../server/demo-roadmaps";
import { readBoard } from "../../../shared/boards/model";
import { ROADMAP } from "../../../shared/boards/roadmap";
import { useTestDatabase } from "../../support/database";

const database = useTestDatabase();

const item = (key: string, overrides: Partial<DemoRoadmapItem> = {}): DemoRoadmapItem => ({
  key,
  title: `Item ${key}`,
  description: "One sentence.\nAnother.",
  phase: "PLAN",
  status: "planned",
  owner: { partner: "Harbour Trust" },
  start: "2026-01-01",
  end: "2026-03-31",
  cost: 1000,
  risk: "low",
  clauses: ["B8"],
  ...overrides,
});

describe("demo roadmaps", () => {
  it("gives each demo city a roadmap of at least 24 items, projected without errors", async () => {
    const { db } = database.handle;
    await seedDemo(db);
    for (const demoCity of DEMO_CITIES) {
      const city = (await findCityBySlug(db, { slug: demoCity.slug }))!;
      const board = await findCityBoard(db, { cityId: city.id, kind: "roadmap" });
      const rows = await listBoardRows(db, { documentId: board.id });
      expect(rows.length, demoCity.slug).toBeGreaterThanOrEqual(24);
      expect(
        rows.filter((row) => Object.keys(row.errors).length > 0),
        demoCity.slug,
      ).toEqual([]);
      const ids = new Set(rows.map((row) => row.rowId));
      for (const row of rows) {
        for (const dependency of (row.data.dependsOn ?? []) as string[]) expect(ids).toContain(dependency);
      }
    }
  });

  it("resolves owners to members of the city and dependencies to the new rows", () => {
    const people = new Map([["amara@aldermoor.example", { id: crypto.randomUUID(), name: "Amara Okafor" }]]);
    const ydoc = buildDemoRoadmap(
      [
        item("survey", { owner: { member: "amara@aldermoor.example" }, quickWin: true }),
        item("pilot", { dependsOn: ["survey"], checkpoints: [{ date: "2026-02-01", label: "Halfway" }] }),
      ],
      people,
    );
    const [survey, pilot] = readBoard(ydoc, ROADMAP);
    expect(survey!.errors).toEqual({});
    expect(survey!.valid).toMatchObject({
      title: "Item survey",
      description: "One sentence.\nAnother.",
      owner: { type: "member", userId: people.get("amara@aldermoor.example")!.id, name: "Amara Okafor" },
      quickWin: true,
      milestone: false,
    });
    expect(pilot!.valid).toMatchObject({
      owner: { type: "partner", name: "Harbour Trust" },
      dependsOn: [survey!.id],
      checkpoints: [{ date: "2026-02-01", label: "Halfway" }],
    });
    expect(() => buildDemoRoadmap([item("a", { owner: { member: "nobody@example.org" } })], people)).toThrow(
      /nobody@example.org/,
    );
    expect(() => buildDemoRoadmap([item("a", { dependsOn: ["missing"] })], people)).toThrow(/missing/);
  });
});
