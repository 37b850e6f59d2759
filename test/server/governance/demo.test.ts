import { describe, expect, it } from "vitest";
import { listBoardRows } from "../../../db/repositories/board-rows";
import { findCityBySlug } from "../../../db/repositories/cities";
import { findCityBoard } from "../../../server/boards/commands";
import { DEMO_CITIES, seedDemo } from "../../../server/demo";
import { DEMO_GOVERNANCE } from "../../../server/demo-governance";
import { compareSections } from "../../../server/governance/changes";
import { findPublication, findPublicPage } from "../../../server/governance/publications";
import { useTestDatabase } from "../../support/database";

const database = useTestDatabase();

describe("demo governance", () => {
  it("gives each demo city a leadership team and decisions log without errors, and a public page published twice", async () => {
    const { db } = database.handle;
    await seedDemo(db);
    for (const demoCity of DEMO_CITIES) {
      const demo = DEMO_GOVERNANCE[demoCity.slug]!;
      const city = (await findCityBySlug(db, { slug: demoCity.slug }))!;
      for (const kind of ["leadership", "decisions"] as const) {
        const board = await findCityBoard(db, { cityId: city.id, kind });
        const rows = await listBoardRows(db, { documentId: board.id });
        expect(rows.length, `${demoCity.slug} ${kind}`).toBeGreaterThanOrEqual(3);
        expect(rows.filter((row) => Object.keys(row.errors).length > 0)).toEqual([]);
      }

      const page = await findPublicPage(db, { slug: demoCity.slug });
      expect(page!.publication.number, demoCity.slug).toBe(2);
      const { sections } = page!.publication;
      expect(sections.leadership!.people.map((person) => person.name)).toEqual(
        demo.leaders.filter((leader) => leader.public).map((leader) => leader.name),
      );
      expect(sections.vision!.text.length).toBeGreaterThan(100);
      expect(sections.update!.title).toBe(demo.update.title);
      expect(sections.roadmap!.items.length).toBeGreaterThan(0);
      expect(sections.pipeline!.opportunities).toBeGreaterThan(0);

      const first = await findPublication(db, { cityId: city.id, number: 1 });
      const leadership = compareSections(first!.sections, sections).find(
        (change) => change.key === "leadership",
      );
      expect(leadership!.added).toHaveLength(1);
      expect(leadership!.added[0]).toContain(demo.joinsLater);
    }
  });
});
