import { updateYFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { listDocumentsOfCity } from "../db/repositories/documents";
import type { Executor } from "../db/repositories/executor";
import { insertAgreement } from "../db/repositories/principle-agreements";
import { insertVersion } from "../db/repositories/versions";
import { EDITOR_FRAGMENT } from "../shared/editor/fragment";
import { PRINCIPLE_GROUPS } from "../shared/scf/principles";
import type { PrincipleGroup } from "../shared/scf/types";
import { documentSchema } from "./documents/content";
import {
  principlesContent,
  storePrinciples,
  writePrinciples,
  type PrinciplesText,
} from "./documents/principles-content";

/** A demo city's guiding principles as they read in one version, in the city's own words. */
interface DemoPrinciplesText {
  intro: string[];
  /** For each of Annex A's groups: how the city applies it, then its commitments as a list. */
  groups: Record<PrincipleGroup["id"], { paragraph: string; items: string[] }>;
}

export interface DemoPrinciples {
  /** The versions in order, oldest first; the document reads as the last one. */
  versions: { name: string; takenAt: string; takenBy: string; text: DemoPrinciplesText }[];
  /** Who agreed with which version (numbered from 1), by member email. */
  agreements: { member: string; version: number; agreedAt: string }[];
}

/**
 * Each demo city's guiding principles and who agreed with them, so a newcomer sees the whole
 * range: Aldermoor changed its text after most partners had agreed, Brackenford's leads and editors
 * all agree, and Castlebridge's lead has still to agree with the refreshed text.
 */
export const DEMO_PRINCIPLES: Record<string, DemoPrinciples> = {
  aldermoor: (() => {
    const agreed: DemoPrinciplesText = {
      intro: [
        "Aldermoor's partners – the city council, Aldermoor University, the bus companies, the hospital trust and community groups – settled these principles at two workshops early in 2025. Every item on the roadmap is checked against them before work starts.",
      ],
      groups: {
        "A.1": {
          paragraph:
            "Cleaner air, reliable buses and open city data come first, and the vision belongs to every partner, not to the council alone.",
          items: [
            "Each roadmap item says which part of the vision it serves.",
            "Partners' chief executives sit on the strategic board and report progress in public twice a year.",
          ],
        },
        "A.2": {
          paragraph:
            "We start from how people in each ward actually travel and what they breathe, not from the technology on offer.",
          items: [
            "A resident survey and street conversations in every ward before a scheme is designed.",
            "Air readings from school gates go to parents first.",
          ],
        },
        "A.3": {
          paragraph:
            "City data is open by default and follows common standards, so services join up and no supplier can lock us in.",
          items: [
            "An open data clause in every new contract.",
            "Transport and environment data use the same standards as our neighbouring councils.",
          ],
        },
        "A.4": {
          paragraph:
            "We work in the open with residents, businesses and neighbouring councils, and share what we learn, including what went wrong.",
          items: [
            "Board papers, the roadmap and the procurement pipeline are published.",
            "Lessons go to Brackenford and Castlebridge as we learn them.",
          ],
        },
      },
    };
    const updated: DemoPrinciplesText = {
      intro: [
        ...agreed.intro,
        "Reviewed in October 2026 after a year of the resident panel, which asked for help for people who are not online.",
      ],
      groups: {
        ...agreed.groups,
        "A.2": {
          ...agreed.groups["A.2"],
          items: [
            ...agreed.groups["A.2"].items,
            "Every travel service can also be reached by phone or at a library, with help on hand.",
          ],
        },
      },
    };
    return {
      versions: [
        {
          name: "Agreed at the partners' workshop, March 2025",
          takenAt: "2025-03-27T16:00:00Z",
          takenBy: "amara@aldermoor.example",
          text: agreed,
        },
        {
          name: "After the resident panel's review, October 2026",
          takenAt: "2026-10-12T11:30:00Z",
          takenBy: "amara@aldermoor.example",
          text: updated,
        },
      ],
      agreements: [
        { member: "amara@aldermoor.example", version: 1, agreedAt: "2025-03-27T16:30:00Z" },
        { member: "ben@partners.example", version: 1, agreedAt: "2025-03-28T09:15:00Z" },
        { member: "amara@aldermoor.example", version: 2, agreedAt: "2026-10-13T08:45:00Z" },
      ],
    };
  })(),

  brackenford: {
    versions: [
      {
        name: "Agreed at the third workshop, July 2026",
        takenAt: "2026-07-24T15:00:00Z",
        takenBy: "eleanor@brackenford.example",
        text: {
          intro: [
            "Brackenford's principles came out of three workshops in the summer of 2026 with tenants, the housing association, the health board and voluntary groups. Two ideas came up in every session: be fair, and say things plainly.",
          ],
          groups: {
            "A.1": {
              paragraph:
                "A warm, healthy home for every household is the aim everything else serves. The council leads, and tenants and the health board shape the plan with us.",
              items: ["Every roadmap item names the households it is meant to help."],
            },
            "A.2": {
              paragraph:
                "We design with tenants, starting on the estates where damp and high heating bills hit hardest.",
              items: [
                "Letters, forms and web pages are written in plain English and tried out with residents first.",
                "Nobody has to be online to get help: digital champions and phone support stay.",
              ],
            },
            "A.3": {
              paragraph:
                "Data about homes and health is joined up only where it helps a household, with their knowledge, under an agreement anyone can read.",
              items: ["A data protection impact assessment comes before any data is shared."],
            },
            "A.4": {
              paragraph:
                "We learn from cities further along, starting with Aldermoor, and publish what we spend and what it achieves.",
              items: [],
            },
          },
        },
      },
    ],
    agreements: [
      { member: "eleanor@brackenford.example", version: 1, agreedAt: "2026-07-24T15:30:00Z" },
      { member: "farid@brackenford.example", version: 1, agreedAt: "2026-07-27T10:00:00Z" },
    ],
  },

  castlebridge: (() => {
    const first: DemoPrinciplesText = {
      intro: ["Castlebridge's guiding principles, agreed by the council and its partners in June 2021."],
      groups: {
        "A.1": {
          paragraph: "By 2030 Castlebridge uses less energy, wastes less and makes more of its own power.",
          items: [],
        },
        "A.2": {
          paragraph: "Services are shaped around what residents tell us they need.",
          items: ["A resident panel meets every quarter."],
        },
        "A.3": {
          paragraph: "Council data is shared between departments and reused before anything new is bought.",
          items: [],
        },
        "A.4": {
          paragraph: "We publish the energy used by every council building.",
          items: [],
        },
      },
    };
    const refreshed: DemoPrinciplesText = {
      intro: [
        "Castlebridge's guiding principles, first agreed in 2021 and refreshed in spring 2025 for the 2030 vision. The refresh added net zero for the council estate and working as one with Harrowfield and Wendle Valley councils.",
      ],
      groups: {
        "A.1": {
          paragraph:
            "By 2030 the council estate is net zero, and residents see the difference in their bills, their bins and their streets.",
          items: ["Every investment shows the carbon it saves and the money it saves, year by year."],
        },
        "A.2": {
          paragraph:
            "Services are shaped around residents, not around which of the three councils provides them.",
          items: [
            "A resident panel on the shared service meets every quarter.",
            "Missed bins, repairs and payments can be reported once, online or by phone, and tracked.",
          ],
        },
        "A.3": {
          paragraph:
            "One login, one contact platform and one asset register across the three councils: we reuse before we buy.",
          items: [
            "Shared standards are agreed with Harrowfield and Wendle Valley before any system is bought.",
          ],
        },
        "A.4": {
          paragraph:
            "Decisions about shared services are taken jointly and in the open, and what we learn goes to other cities.",
          items: [
            "We publish the energy used by every council building.",
            "Lessons are shared with Aldermoor and Brackenford.",
          ],
        },
      },
    };
    return {
      versions: [
        {
          name: "Agreed by the partnership, June 2021",
          takenAt: "2021-06-14T14:00:00Z",
          takenBy: "isla@castlebridge.example",
          text: first,
        },
        {
          name: "Refreshed for 2030, April 2025",
          takenAt: "2025-04-28T12:00:00Z",
          takenBy: "isla@castlebridge.example",
          text: refreshed,
        },
      ],
      agreements: [
        { member: "isla@castlebridge.example", version: 1, agreedAt: "2021-06-14T14:30:00Z" },
        { member: "ben@partners.example", version: 2, agreedAt: "2025-04-29T09:00:00Z" },
      ],
    };
  })(),
};

/** The demo text with each group's heading from Annex A. */
function toPrinciplesText(text: DemoPrinciplesText): PrinciplesText {
  return {
    intro: text.intro,
    groups: PRINCIPLE_GROUPS.map((group) => ({
      title: group.title,
      paragraphs: [text.groups[group.id].paragraph],
      items: text.groups[group.id].items,
    })),
  };
}

/**
 * Replaces a demo city's starter principles with its own text, taking a version of each stage of
 * the text (one document history, each stage an edit of the one before) and recording agreements.
 * A member or version the data names that does not exist is a mistake in the demo data.
 */
export async function seedPrinciples(
  db: Executor,
  args: { cityId: string; principles: DemoPrinciples; people: ReadonlyMap<string, { id: string }> },
): Promise<void> {
  const documents = await listDocumentsOfCity(db, { cityId: args.cityId, archived: false });
  const document = documents.find((candidate) => candidate.kind === "principles");
  if (!document) throw new Error("A demo city has no guiding principles document");
  const personId = (email: string) => {
    const person = args.people.get(email);
    if (!person) throw new Error(`The demo principles name ${email}, who is not a member of the city`);
    return person.id;
  };
  const ydoc = new Y.Doc();
  try {
    const versionIds: string[] = [];
    for (const [index, version] of args.principles.versions.entries()) {
      const text = toPrinciplesText(version.text);
      if (index === 0) writePrinciples(ydoc, text);
      else {
        updateYFragment(
          ydoc,
          ydoc.getXmlFragment(EDITOR_FRAGMENT),
          documentSchema.nodeFromJSON(principlesContent(text)),
          { mapping: new Map(), isOMark: new Map() },
        );
      }
      versionIds.push(
        await insertVersion(db, {
          documentId: document.id,
          name: version.name,
          state: Y.encodeStateAsUpdate(ydoc),
          userId: personId(version.takenBy),
          createdAt: new Date(version.takenAt),
        }),
      );
    }
    await storePrinciples(db, { documentId: document.id, ydoc });
    for (const agreement of args.principles.agreements) {
      const versionId = versionIds[agreement.version - 1];
      if (!versionId) throw new Error(`The demo principles have no version ${agreement.version}`);
      await insertAgreement(db, {
        documentId: document.id,
        versionId,
        userId: personId(agreement.member),
        agreedAt: new Date(agreement.agreedAt),
      });
    }
  } finally {
    ydoc.destroy();
  }
}
