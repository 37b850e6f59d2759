import type { JSONContent } from "@tiptap/core";
import { prosemirrorToYXmlFragment } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { saveSnapshot } from "../db/repositories/doc-updates";
import { saveDocumentText } from "../db/repositories/document-search";
import { listDocumentsOfCity } from "../db/repositories/documents";
import type { Executor } from "../db/repositories/executor";
import { EDITOR_FRAGMENT } from "../shared/editor/fragment";
import { fragmentPlainText } from "../shared/editor/plain-text";
import { documentSchema } from "./documents/content";

/** A paragraph or a bulleted list; a `**lead-in**` at the start of a paragraph or item is set in bold. */
type Block = { paragraph: string } | { bullets: readonly string[] };

/** A demo city's vision as written: sections under level 2 headings, each a few paragraphs or lists. */
export interface DemoVision {
  /** Paragraphs before the first heading. */
  opening?: readonly string[];
  sections: readonly { heading: string; blocks: readonly Block[] }[];
}

/** A vision for each demo city, in the city's own voice and at its own stage of the programme. */
export const DEMO_VISIONS: Record<string, DemoVision> = {
  // Adopted in May 2025 and now being delivered: clean air, reliable buses, open data.
  aldermoor: {
    sections: [
      {
        heading: "Our vision",
        blocks: [
          {
            paragraph:
              "By 2035 Aldermoor will be a city where the air is clean enough for every child to walk to school, where the bus is the easy choice for most journeys, and where anyone can see, use and question the data the city runs on. Full council adopted this vision in May 2025. It guides the council and its partners until 2035 and is reviewed every two years.",
          },
        ],
      },
      {
        heading: "Aldermoor today",
        blocks: [
          {
            paragraph:
              "A lot is already going right. The city centre is compact and walkable, the university and the hospital are two of the largest employers in the region, and people care about their neighbourhoods: more than 3,000 residents answered our survey. Bus use on the main corridors is back above its 2019 level, and the first school streets showed how quickly a street changes when parents, pupils and neighbours agree on it.",
          },
        ],
      },
      {
        heading: "What holds us back",
        blocks: [
          {
            bullets: [
              "Nitrogen dioxide beside four of our busiest roads is still above the legal limit, and the streets around primary schools are often the worst.",
              "Buses lose time at a handful of congested junctions, so journeys are least reliable at the school run and the morning peak, when people most need them.",
              "Traffic, parking and air quality data sit in separate systems run by different teams and suppliers, so nobody sees the whole picture.",
              "One household in four has no car, and those households are the most likely to live beside the busiest roads.",
              "Money is tight: whatever we build has to save money or pay its way within a few years.",
            ],
          },
        ],
      },
      {
        heading: "Aldermoor in 2035",
        blocks: [
          {
            bullets: [
              "Air at every school gate is within the legal limit all year round, and anyone can look up the readings for their own street.",
              "Buses on the four main corridors arrive when the timetable says they will, and one ticket covers bus, rail and cycle hire across the city region.",
              "Half of all trips inside the ring road are made on foot, by bike or by bus.",
              "City data is open by default, each dataset with a named owner and a licence, and local firms, schools and community groups build services on it that we would never have thought of.",
              "Fewer people go into hospital with breathing problems on high-pollution days, because those most at risk are warned in time.",
            ],
          },
        ],
      },
      {
        heading: "How technology, data and partnership serve our goals",
        blocks: [
          {
            bullets: [
              "**Healthier lives.** Sensors at school gates and a permanent monitoring network show where the air is worst, alerts reach people with asthma and COPD before pollution peaks, and the readings are published every hour.",
              "**A fairer, stronger economy.** Reliable buses widen the area people can reach for work within 45 minutes. Open transport data, and an open data clause in every council contract, give local developers something to build on and leave us free to change suppliers.",
              "**A cleaner environment.** Bus priority, school streets and better travel information cut traffic where it does most harm, and every scheme is measured against the 2024 baseline so that we stop what does not work.",
            ],
          },
          {
            paragraph:
              "The council cannot do this alone. Moorline Buses runs the network, the university checks the quality of the data, the hospital trust reaches patients, and community groups tell us what it is like on the street. We will share data with one another on published terms, buy technology that works with what our partners already have, and keep a phone and paper option for everyone who needs one.",
          },
        ],
      },
      {
        heading: "Who shaped this vision",
        blocks: [
          {
            paragraph:
              "The vision was written between February and May 2025 by the council with Moorline Buses, the University of Aldermoor's Institute for Urban Air, Aldermoor and District NHS Foundation Trust and Clean Air Aldermoor. More than 3,000 residents answered the survey, and we held street conversations in every ward, at school gates, bus stations and the market. Pupils from 20 primary schools helped choose where the first air sensors went. Amara Okafor, the programme lead, keeps this document up to date, and every member of the programme is welcome to comment on it.",
          },
        ],
      },
    ],
  },

  // Early days: a draft out for comment, built on the principles workshops and a door-to-door
  // survey. Warm homes, getting everyone online, sharing data with the health board.
  brackenford: {
    opening: [
      "Draft for comment until 29 January 2027. Tell us what is missing by commenting on this document, at a digital champions session, or on the freepost form in every library.",
    ],
    sections: [
      {
        heading: "Our vision",
        blocks: [
          {
            paragraph:
              "A Brackenford where no one has to choose between heating and eating, where every home is warm and dry, and where everyone who wants to get online can, with help close by when they need it. We will get there fairly, starting with the people and streets facing the hardest times, and we will explain what we are doing in plain language throughout.",
          },
        ],
      },
      {
        heading: "Brackenford today",
        blocks: [
          {
            paragraph:
              "Brackenford is a former mill town of about 95,000 people in the Bracken valley. Its strength is its people: active tenants' associations, a busy voluntary sector and a university that wants to work with its neighbours. About 18,000 homes belong to the council and Bracken Valley Homes, and many of them are solid-walled terraces and 1960s flats that are hard and costly to keep warm.",
          },
        ],
      },
      {
        heading: "What residents told us",
        blocks: [
          {
            bullets: [
              "Cold and damp homes came first in the survey on the Millfield, Hollins and Cross Lane estates: four households in ten said damp had made someone at home unwell.",
              "Energy takes a bigger share of household income here than in most of the country, and one household in six cannot afford to heat their home properly.",
              "About one adult in seven has not used the internet in the last three months, and many more cannot afford enough data to apply for a job or report a repair.",
              "The council and the health board each hold part of the picture of who is at risk, but cannot yet bring it together safely.",
              "Contracts have too often paid for what was fitted rather than for what residents gained from it.",
            ],
          },
        ],
      },
      {
        heading: "Brackenford in 2036",
        blocks: [
          {
            bullets: [
              "The 600 homes in the worst condition have been insulated, ventilated and fitted with heat pumps, and every council and Bracken Valley Homes property reaches energy band C or better.",
              "Households on the retrofitted estates spend less on energy, and fewer people see their GP about illnesses made worse by damp.",
              "Everyone who wants to be online has a device, an affordable connection and someone nearby to ask, and every council service can still be reached by phone or in person.",
              "Tenants report a repair in a couple of minutes from any phone and know when someone will come.",
              "Owner-occupiers and private tenants on the same streets can use the same installers at the same prices.",
            ],
          },
        ],
      },
      {
        heading: "How technology, data and partnership will help",
        blocks: [
          {
            paragraph:
              "We will choose technology for what it changes for residents, never for its own sake. Small sensors, fitted only with tenants' consent, will show where damp builds up and whether the work has cured it. A housing condition data hub shared with Bracken Valley Homes will let us plan street by street, and a data-sharing agreement with the health board will let GPs and community nurses put people whose homes are making them ill at the front of the queue, under safeguards that residents help to set.",
          },
          {
            paragraph:
              "The social, economic and environmental gains go together. A retrofit framework sized for small local firms keeps the money and the skills in the valley, laptops lent through libraries open the door to jobs and services, and every warm home means lower bills and less carbon.",
          },
        ],
      },
      {
        heading: "Who is shaping this vision",
        blocks: [
          {
            paragraph:
              "This draft grew out of three principles workshops with tenants, Bracken Valley Homes, Brackenford and Vale University Health Board, Brackenford Community Voluntary Council and Brackenford University, and a door-to-door survey on three estates. Fairness and plain language were the principles people cared about most, and we have tried to write this draft to meet both. Eleanor Shaw leads the programme, and Farid Khan is gathering the comments.",
          },
        ],
      },
    ],
  },

  // Mature: the second edition, refreshed in 2025 after the first vision of 2021. Local energy,
  // waste and reuse, services shared with Harrowfield and Wendle Valley.
  castlebridge: {
    sections: [
      {
        heading: "Our vision",
        blocks: [
          {
            paragraph:
              "Castlebridge 2035: a low-carbon town that wastes little, runs more and more on energy it makes for itself, and gives residents simple, joined-up public services shared with our neighbours in Harrowfield and Wendle Valley. This is the second edition of our vision. The first, adopted in 2021, got the programme going; this one, refreshed with residents and partners in the spring of 2025, sets the course for the next ten years.",
          },
        ],
      },
      {
        heading: "What we have learned since 2021",
        blocks: [
          {
            paragraph:
              "The civic quarter heat network, community-owned solar roofs and communal bins emptied when they are full rather than on a fixed round are all working and saving money. Not every idea survived contact with residents: fortnightly collections were dropped when people told us they would bring fly-tipping, and we listened. Our best results have come when partners and residents owned a change together, and that is how we mean to go on.",
          },
        ],
      },
      {
        heading: "The challenges ahead",
        blocks: [
          {
            bullets: [
              "The council's buildings, streetlights and vehicles must reach net zero by the end of 2029, and the easy savings have already been made.",
              "The local grid is close to full: electric refuse trucks, heat pumps and chargers all wait on connection offers from Midshire Power Networks.",
              "Three councils keep three customer systems and three support contracts for the same work, at a cost none of us can go on paying.",
              "Recycling has stalled at just under half of household waste, and too much that could be repaired ends up in a skip.",
            ],
          },
        ],
      },
      {
        heading: "Castlebridge in 2035",
        blocks: [
          {
            bullets: [
              "Every council building and vehicle has been net zero since 2030, and the heat network reaches the hospital and the university campus, warmed by waste heat from the sewage works.",
              "Community solar sites sell their spare power to nearby public buildings, and local people own a real share of the town's energy.",
              "Food waste is turned into energy, the reuse hub keeps furniture, bikes and electricals in use, and two-thirds of household waste is recycled.",
              "Residents of all three council areas use one account and one contact service, online or by phone, and can see and delete the data held about them.",
            ],
          },
        ],
      },
      {
        heading: "How technology, data and partnership serve our goals",
        blocks: [
          {
            paragraph:
              "Our environmental goals lead, but they only last if they are fair and affordable. We publish the half-hourly energy use of 120 council buildings so that schools and community groups can act on it, plan collection rounds from bin sensors, and run heating and lighting through one platform built on open standards that other public bodies can join.",
          },
          {
            paragraph:
              "Sharing with Harrowfield and Wendle Valley is how we afford it: one procurement board, one register of systems and data, and a company owned by the three councils to run shared services mean each council spends less and residents get the same good service wherever they live. Whatever we buy must work with what the others have and let us leave a supplier without losing our data.",
          },
        ],
      },
      {
        heading: "Who shaped this vision",
        blocks: [
          {
            paragraph:
              "Isla Morgan led the refresh with the council's cabinet, the three councils' joint board, Castlebridge Heat, the Castlebridge Community Energy Co-operative, the Castlebridge Waste Partnership and the Repair Café Network. About 1,800 residents took part through an online survey, drop-in sessions at the central library and the recycling centre, and a residents' panel drawn from all three council areas. Aldermoor's programme team read the draft as critical friends.",
          },
        ],
      },
    ],
  },
};

/** A paragraph of text, its `**lead-in**` (if any) in bold. */
function paragraph(text: string): JSONContent {
  const leadIn = /^\*\*(.+?)\*\*\s*/.exec(text);
  if (!leadIn) return { type: "paragraph", content: [{ type: "text", text }] };
  return {
    type: "paragraph",
    content: [
      { type: "text", text: leadIn[1], marks: [{ type: "bold" }] },
      { type: "text", text: ` ${text.slice(leadIn[0].length)}` },
    ],
  };
}

/** The vision as the editor's document: level 2 headings over paragraphs and bulleted lists. */
export function demoVisionContent(vision: DemoVision): JSONContent {
  const content: JSONContent[] = (vision.opening ?? []).map(paragraph);
  for (const section of vision.sections) {
    content.push({
      type: "heading",
      attrs: { level: 2 },
      content: [{ type: "text", text: section.heading }],
    });
    for (const block of section.blocks) {
      content.push(
        "paragraph" in block
          ? paragraph(block.paragraph)
          : {
              type: "bulletList",
              content: block.bullets.map((item) => ({ type: "listItem", content: [paragraph(item)] })),
            },
      );
    }
  }
  return { type: "doc", content };
}

/** The vision as a Yjs document, written the way the editor writes it. */
export function buildDemoVision(vision: DemoVision): Y.Doc {
  const ydoc = new Y.Doc();
  prosemirrorToYXmlFragment(
    documentSchema.nodeFromJSON(demoVisionContent(vision)),
    ydoc.getXmlFragment(EDITOR_FRAGMENT),
  );
  return ydoc;
}

/** Writes a demo city's vision into its (new, empty) vision document, with its search text. */
export async function seedDemoVision(db: Executor, args: { cityId: string; slug: string }): Promise<void> {
  const vision = DEMO_VISIONS[args.slug];
  if (!vision) return;
  const documents = await listDocumentsOfCity(db, { cityId: args.cityId, archived: false });
  const document = documents.find((candidate) => candidate.kind === "vision");
  if (!document) throw new Error(`The demo city "${args.slug}" has no vision document`);
  const ydoc = buildDemoVision(vision);
  try {
    await saveSnapshot(db, {
      documentId: document.id,
      state: Y.encodeStateAsUpdate(ydoc),
      stateVector: Y.encodeStateVector(ydoc),
      folded: 0,
    });
    await saveDocumentText(db, {
      documentId: document.id,
      plainText: fragmentPlainText(ydoc.getXmlFragment(EDITOR_FRAGMENT)),
    });
  } finally {
    ydoc.destroy();
  }
}
