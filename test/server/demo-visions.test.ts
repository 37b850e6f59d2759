import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { searchDocuments } from "../../db/repositories/document-search";
import { listDocumentsOfCity } from "../../db/repositories/documents";
import { findCityBySlug } from "../../db/repositories/cities";
import { DEMO_CITIES, seedDemo } from "../../server/demo";
import { loadDocumentContent } from "../../server/documents/content";
import { toMarkdown } from "../../server/documents/markdown";
import { useTestDatabase } from "../support/database";

const database = useTestDatabase();

async function visionOf(slug: string): Promise<{ cityId: string; documentId: string; content: JSONContent }> {
  const { db } = database.handle;
  const city = (await findCityBySlug(db, { slug }))!;
  const documents = await listDocumentsOfCity(db, { cityId: city.id, archived: false });
  const vision = documents.find((document) => document.kind === "vision")!;
  return {
    cityId: city.id,
    documentId: vision.id,
    content: await loadDocumentContent(db, { documentId: vision.id }),
  };
}

const textOf = (node: JSONContent): string => node.text ?? (node.content ?? []).map(textOf).join(" ");

describe("demo visions", () => {
  it("gives each demo city a vision of its own: headings over four to eight paragraphs and lists", async () => {
    await seedDemo(database.handle.db);
    const texts = new Set<string>();
    for (const demoCity of DEMO_CITIES) {
      const { content } = await visionOf(demoCity.slug);
      const blocks = content.content ?? [];
      const headings = blocks.filter((block) => block.type === "heading");
      const body = blocks.filter((block) => block.type !== "heading");
      expect(headings.length, demoCity.slug).toBeGreaterThanOrEqual(4);
      expect(
        headings.every((heading) => heading.attrs?.level === 2),
        demoCity.slug,
      ).toBe(true);
      expect(body.length, demoCity.slug).toBeGreaterThanOrEqual(4);
      expect(body.length, demoCity.slug).toBeLessThanOrEqual(8);
      expect(
        body.some((block) => block.type === "bulletList"),
        demoCity.slug,
      ).toBe(true);
      // Someone adding to the vision starts from its last line: a paragraph, not a list item.
      expect(blocks.at(-1)?.type, demoCity.slug).toBe("paragraph");
      const text = textOf(content);
      expect(text, demoCity.slug).toContain(demoCity.name);
      expect(text, demoCity.slug).toMatch(/shaped|shaping/);
      texts.add(text);
    }
    expect(texts.size).toBe(DEMO_CITIES.length);
  });

  it("is found by search and exported with its headings, lists and bold lead-ins", async () => {
    const { db } = database.handle;
    await seedDemo(db);
    const aldermoor = await visionOf("aldermoor");
    const matches = await searchDocuments(db, {
      cityIds: [aldermoor.cityId],
      query: "nitrogen dioxide",
      limit: 10,
    });
    expect(matches.map((match) => match.id)).toEqual([aldermoor.documentId]);

    const markdown = toMarkdown("Vision", aldermoor.content);
    expect(markdown).toContain("\n## Aldermoor in 2035\n");
    expect(markdown).toMatch(/\n- \*\*Healthier lives\.\*\* Sensors at school gates/);
  });
});
