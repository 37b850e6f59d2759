import { describe, expect, it } from "vitest";
import { listBoardRows } from "../../../db/repositories/board-rows";
import { findCityBySlug } from "../../../db/repositories/cities";
import { listDocumentsOfCity } from "../../../db/repositories/documents";
import { listMembers } from "../../../db/repositories/memberships";
import { findCityBoard } from "../../../server/boards/commands";
import { DEMO_CITIES, seedDemo } from "../../../server/demo";
import { buildDemoTracker, DEMO_TRACKERS, type DemoTrackerLinks } from "../../../server/demo-framework";
import { readTrackerEntries } from "../../../server/scf/tracker";
import { TRACKER } from "../../../shared/boards/framework";
import { readBoard } from "../../../shared/boards/model";
import { RECOMMENDATIONS } from "../../../shared/scf/catalogue";
import { trackerCoverage, type Coverage } from "../../../shared/scf/coverage";
import { useTestDatabase } from "../../support/database";

const database = useTestDatabase();

const TODAY = "2026-11-25";
const RECOMMENDATION_IDS = RECOMMENDATIONS.map((recommendation) => recommendation.id);

describe("the demo cities' framework trackers", () => {
  it("hold every recommendation with valid values, owned by members, with evidence from the city's own work", async () => {
    const { db } = database.handle;
    await seedDemo(db);
    for (const demoCity of DEMO_CITIES) {
      const city = (await findCityBySlug(db, { slug: demoCity.slug }))!;
      const tracker = await findCityBoard(db, { cityId: city.id, kind: "framework" });
      const rows = await listBoardRows(db, { documentId: tracker.id });
      expect(
        rows.map((row) => row.rowId),
        demoCity.slug,
      ).toEqual(RECOMMENDATION_IDS);
      expect(
        rows.filter((row) => Object.keys(row.errors).length > 0),
        demoCity.slug,
      ).toEqual([]);

      const members = new Set((await listMembers(db, { cityId: city.id })).map((member) => member.userId));
      const documents = new Set(
        (await listDocumentsOfCity(db, { cityId: city.id, archived: false })).map((document) => document.id),
      );
      const roadmap = await findCityBoard(db, { cityId: city.id, kind: "roadmap" });
      const items = new Set((await listBoardRows(db, { documentId: roadmap.id })).map((row) => row.rowId));
      let evidenceCount = 0;
      for (const { rowId, data } of rows) {
        const owner = data.owner as { userId: string } | null;
        if (owner) expect(members, `${demoCity.slug} ${rowId}`).toContain(owner.userId);
        for (const evidence of data.evidence as { type: string; id: string }[]) {
          evidenceCount++;
          expect(evidence.type === "document" ? documents : items, `${demoCity.slug} ${rowId}`).toContain(
            evidence.id,
          );
        }
        if (data.status === "in-place" || data.status === "in-progress") {
          expect(owner, `${demoCity.slug} ${rowId}`).not.toBeNull();
          expect(data.target, `${demoCity.slug} ${rowId}`).toMatch(/^202[5-7]-/);
        }
      }
      expect(evidenceCount, demoCity.slug).toBeGreaterThanOrEqual(20);
      expect(rows.filter((row) => row.data.notes !== "").length, demoCity.slug).toBeGreaterThanOrEqual(15);
    }
  });

  it("put the three cities at different points of the framework", async () => {
    const { db } = database.handle;
    await seedDemo(db);
    const coverage: Record<string, Coverage> = {};
    for (const demoCity of DEMO_CITIES) {
      const city = (await findCityBySlug(db, { slug: demoCity.slug }))!;
      coverage[demoCity.slug] = trackerCoverage(await readTrackerEntries(db, { cityId: city.id }), TODAY);
    }
    const { aldermoor, brackenford, castlebridge } = coverage as Record<string, Coverage>;
    const inPlace = (of: Coverage) => of.overall.inPlace;
    expect(inPlace(aldermoor!)).toBeGreaterThan(inPlace(castlebridge!));
    expect(inPlace(castlebridge!)).toBeGreaterThan(inPlace(brackenford!));

    // Aldermoor: vision and governance in place, the roadmap under way, some work overdue.
    const aldermoorEntries = DEMO_TRACKERS.aldermoor!;
    for (const id of ["B1a", "B1b", "B1c", "B3a", "B3b", "B3c", "B8a"])
      expect(aldermoorEntries[id]!.status, id).toBe("in-place");
    expect(aldermoor!.overdue.length).toBeGreaterThanOrEqual(3);

    // Brackenford: most recommendations not started or only planned.
    const { counts } = brackenford!.overall;
    expect(counts["not-started"] + counts.planned).toBeGreaterThanOrEqual(30);
    expect(brackenford!.overall.counts["in-place"]).toBeLessThanOrEqual(5);

    // Castlebridge: its technology notes in place, and some recommendations set aside with a reason.
    const technology = castlebridge!.areas.find((area) => area.id === "technology")!;
    expect(technology.inPlace).toBe(technology.applicable);
    expect(aldermoor!.areas.find((area) => area.id === "technology")!.inPlace).toBeLessThan(2);
    expect(castlebridge!.overall.counts["not-applicable"]).toBeGreaterThanOrEqual(2);
    const city = (await findCityBySlug(db, { slug: "castlebridge" }))!;
    const entries = await readTrackerEntries(db, { cityId: city.id });
    for (const [id, entry] of entries) {
      if (entry.status === "not-applicable") expect(entry.reason, id).toMatch(/\w{3,}.*\w{3,}/);
    }
  });
});

describe("buildDemoTracker", () => {
  const person = { id: "2f0c6f3e-5d2a-4b8e-9a41-7c3d2e1f0a55", name: "Amara Okafor" };
  const links: DemoTrackerLinks = {
    people: new Map([["amara@aldermoor.example", person]]),
    documents: new Map([["vision", { id: "0d7e5f1a-9c8b-4a3e-8f2d-1b6c5a4e3d21", title: "Vision" }]]),
    roadmapItems: new Map([["Stakeholder map", "3c9a1e7b-4d2f-4e8a-b6c5-0f1e2d3c4b5a"]]),
  };
  const allNotStarted = () =>
    Object.fromEntries(RECOMMENDATION_IDS.map((id) => [id, { status: "not-started" as const }]));

  it("resolves owners, documents and roadmap items, and writes notes as rich text", () => {
    const entries = {
      ...allNotStarted(),
      B4a: {
        status: "in-progress" as const,
        owner: "amara@aldermoor.example",
        target: "2027-01-29",
        evidence: [{ document: "vision" as const }, { roadmapItem: "Stakeholder map" }],
        notes: "Register nearly complete.",
      },
    };
    const rows = readBoard(buildDemoTracker(entries, links), TRACKER);
    expect(rows.map((row) => row.id)).toEqual(RECOMMENDATION_IDS);
    expect(rows.find((row) => row.id === "B4a")!.valid).toEqual({
      status: "in-progress",
      reason: "",
      owner: { type: "member", userId: person.id, name: "Amara Okafor" },
      target: "2027-01-29",
      evidence: [
        { type: "document", id: links.documents.get("vision")!.id, title: "Vision" },
        { type: "roadmapItem", id: links.roadmapItems.get("Stakeholder map")!, title: "Stakeholder map" },
      ],
      notes: "Register nearly complete.",
    });
  });

  it("refuses demo data that names no one or nothing, or leaves a recommendation out", () => {
    const build = (changes: Record<string, unknown>) => () =>
      buildDemoTracker({ ...allNotStarted(), ...changes } as Parameters<typeof buildDemoTracker>[0], links);
    expect(build({ B2: { status: "planned", owner: "nobody@example.org" } })).toThrow(/nobody@example.org/);
    expect(build({ B2: { status: "planned", evidence: [{ roadmapItem: "Moon base" }] } })).toThrow(
      /Moon base/,
    );
    expect(build({ B2: { status: "planned", evidence: [{ document: "operating-model" }] } })).toThrow(
      /operating-model/,
    );
    expect(build({ B40: { status: "planned" } })).toThrow(/B40/);
    const { D: _left, ...withoutD } = allNotStarted();
    expect(() => buildDemoTracker(withoutD, links)).toThrow(/no entry for D/);
  });
});
