import { describe, expect, it } from "vitest";
import { findCityBySlug } from "../../../db/repositories/cities";
import { listDocumentsOfCity } from "../../../db/repositories/documents";
import { DEMO_CITIES, seedDemo } from "../../../server/demo";
import { summariseAgreement } from "../../../server/documents/agreements";
import { loadDocumentContent } from "../../../server/documents/content";
import { PRINCIPLE_GROUPS } from "../../../shared/scf/principles";
import { useTestDatabase } from "../../support/database";

const database = useTestDatabase();

async function principlesOf(slug: string) {
  const { db } = database.handle;
  const city = (await findCityBySlug(db, { slug }))!;
  const documents = await listDocumentsOfCity(db, { cityId: city.id, archived: false });
  const document = documents.find((candidate) => candidate.kind === "principles")!;
  return { city, document };
}

const names = (people: { name: string }[]) => people.map((person) => person.name).sort();

describe("demo guiding principles", () => {
  it("give each demo city its own text under Annex A's four headings, and a mix of agreement", async () => {
    const { db } = database.handle;
    await seedDemo(db);
    const intros = new Set<string>();
    for (const demoCity of DEMO_CITIES) {
      const { document } = await principlesOf(demoCity.slug);
      const content = await loadDocumentContent(db, { documentId: document.id });
      const headings = (content.content ?? [])
        .filter((node) => node.type === "heading")
        .map((node) => node.content?.[0]?.text);
      expect(headings, demoCity.slug).toEqual(PRINCIPLE_GROUPS.map((group) => group.title));
      const intro = content.content?.[0]?.content?.[0]?.text ?? "";
      expect(intro).toContain(demoCity.name);
      intros.add(intro);
    }
    expect(intros.size).toBe(DEMO_CITIES.length);

    const aldermoor = await principlesOf("aldermoor");
    const aldermoorAgreement = await summariseAgreement({
      db,
      cityId: aldermoor.city.id,
      documentId: aldermoor.document.id,
    });
    expect(aldermoorAgreement.currentVersion?.number).toBe(2);
    expect(names(aldermoorAgreement.agreed)).toEqual(["Amara Okafor"]);
    expect(aldermoorAgreement.notYet).toMatchObject([
      { name: "Ben Hughes", agreement: { version: { number: 1 } } },
    ]);

    const brackenford = await principlesOf("brackenford");
    const brackenfordAgreement = await summariseAgreement({
      db,
      cityId: brackenford.city.id,
      documentId: brackenford.document.id,
    });
    expect(names(brackenfordAgreement.agreed)).toEqual(["Eleanor Shaw", "Farid Khan"]);
    expect(brackenfordAgreement.notYet).toEqual([]);

    const castlebridge = await principlesOf("castlebridge");
    const castlebridgeAgreement = await summariseAgreement({
      db,
      cityId: castlebridge.city.id,
      documentId: castlebridge.document.id,
    });
    expect(castlebridgeAgreement.currentVersion?.number).toBe(2);
    expect(names(castlebridgeAgreement.agreed)).toEqual(["Ben Hughes"]);
    expect(castlebridgeAgreement.notYet).toMatchObject([
      { name: "Isla Morgan", agreement: { version: { number: 1 } } },
    ]);
  });
});
