import type { Kysely } from "kysely";
import type { Database } from "../../../db/schema";
import { findCityBoard } from "../../../server/boards/commands";
import { publishCityPage } from "../../../server/governance/publications";
import { publishOpportunities, setOcidPrefix } from "../../../server/procurement/publishing";
import { addRows, buildCityWithGovernance, writeStarter } from "../governance/support";
import { addOpportunities, buildOpportunity } from "../procurement/support";

/**
 * A city that has published its vision, leadership team and roadmap progress as version 1, with a
 * person and a roadmap item kept private; `pipeline` also publishes one procurement opportunity.
 */
export async function buildPublishingCity(db: Kysely<Database>, args: { slug: string; pipeline?: boolean }) {
  const name = args.slug[0]!.toUpperCase() + args.slug.slice(1);
  const { city, members } = await buildCityWithGovernance(db, { slug: args.slug, name });
  await writeStarter(db, city.id, "vision", {
    type: "doc",
    content: [
      {
        type: "paragraph",
        content: [
          { type: "text", text: "Clean air for everyone, " },
          {
            type: "text",
            text: "as agreed",
            marks: [{ type: "link", attrs: { href: "https://council.example/vision" } }],
          },
          { type: "text", text: "." },
        ],
      },
    ],
  });
  const [, hiddenLeader] = await addRows(db, city.id, "leadership", [
    { name: "Ann Lee", role: "Programme director", contact: "ann@city.example", public: true },
    { name: "Hidden Adviser", role: "Adviser", contact: "https://adviser.example", public: false },
  ]);
  const [openItem, , secretItem] = await addRows(db, city.id, "roadmap", [
    { title: "Open data portal", phase: "DELIVER", status: "in-progress", public: true, start: "2026-01-05" },
    { title: "Vision adopted", phase: "PLAN", status: "done", public: true },
    { title: "Secret depot move", phase: "PLAN", status: "planned" },
  ]);
  let opportunity: string | null = null;
  if (args.pipeline) {
    const board = await findCityBoard(db, { cityId: city.id, kind: "pipeline" });
    const [rowId] = await addOpportunities(db, board.id, [
      buildOpportunity({ title: "Air quality sensors" }),
    ]);
    opportunity = rowId!;
    await setOcidPrefix(db, { cityId: city.id, prefix: "ocds-a1b2c3" });
    await publishOpportunities(db, { cityId: city.id, userId: null, rowIds: [opportunity] });
  }
  const { publication } = await publishCityPage(db, {
    cityId: city.id,
    userId: members.lead.id,
    sections: ["vision", "leadership", "roadmap"],
  });
  return {
    city,
    members,
    publication: publication!,
    hiddenLeader: hiddenLeader!,
    openItem: openItem!,
    secretItem: secretItem!,
    opportunity,
  };
}
