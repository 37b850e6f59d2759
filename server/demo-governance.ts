import type { Kysely } from "kysely";
import * as Y from "yjs";
import { saveSnapshot } from "../db/repositories/doc-updates";
import { saveDocumentText } from "../db/repositories/document-search";
import * as documents from "../db/repositories/documents";
import { listMembers } from "../db/repositories/memberships";
import type { Database } from "../db/schema";
import type { Owner } from "../shared/boards/fields";
import { DECISIONS, LEADERSHIP, type GovernanceBoard } from "../shared/boards/governance";
import { insertRow, readBoard, setCell } from "../shared/boards/model";
import { ROADMAP } from "../shared/boards/roadmap";
import { EDITOR_FRAGMENT } from "../shared/editor/fragment";
import { fragmentPlainText, writePlainText } from "../shared/editor/plain-text";
import type { BoardKind } from "../shared/boards/kinds";
import { changeStoredBoard, findCityBoard } from "./boards/commands";
import { projectBoard } from "./boards/projection";
import { publishCityPage } from "./governance/publications";

/** One person of a demo city's leadership team. */
export interface DemoLeader {
  name: string;
  role: string;
  organisation: string;
  board: GovernanceBoard;
  responsibility: string;
  contact: string;
  public: boolean;
}

/** One entry of a demo city's decisions log. */
export interface DemoDecision {
  date: string;
  decision: string;
  rationale: string;
  madeBy: GovernanceBoard;
  /** A demo member of the city, by email, or a partner organisation by name. */
  owner: { member: string } | { partner: string };
  link: string;
}

interface DemoGovernance {
  leaders: DemoLeader[];
  /** A leader marked public who was made so only after the first publication. */
  joinsLater: string;
  decisions: DemoDecision[];
  /** The progress update published the second time: plain paragraphs. */
  update: { title: string; paragraphs: string[] };
}

/** Leadership teams and decisions of the three demo cities, as of late November 2026. */
export const DEMO_GOVERNANCE: Record<string, DemoGovernance> = {
  aldermoor: {
    leaders: [
      {
        name: "Cllr Margaret Ellison",
        role: "Chair of the strategic board",
        organisation: "Aldermoor City Council",
        board: "strategic",
        responsibility: "Political leadership of the programme and its place in the council's plan",
        contact: "leader@aldermoor.example",
        public: true,
      },
      {
        name: "Amara Okafor",
        role: "Programme director",
        organisation: "Aldermoor City Council",
        board: "strategic",
        responsibility: "Accountable for the programme's delivery, budget and benefits",
        contact: "smartcity@aldermoor.example",
        public: true,
      },
      {
        name: "Prof. Ruth Adebayo",
        role: "Independent member",
        organisation: "University of Aldermoor",
        board: "strategic",
        responsibility: "Research partnerships and independent challenge",
        contact: "https://www.aldermoor-university.example/urban-observatory",
        public: true,
      },
      {
        name: "Ben Hughes",
        role: "Delivery manager, mobility",
        organisation: "Northgate Partners",
        board: "delivery",
        responsibility: "Bus priority, the mobility data platform and the journey planner",
        contact: "ben@partners.example",
        public: true,
      },
      {
        name: "Sunita Rao",
        role: "Head of digital and data",
        organisation: "Aldermoor City Council",
        board: "delivery",
        responsibility: "Open data portal, data standards and the air quality network",
        contact: "data@aldermoor.example",
        public: true,
      },
      {
        name: "Tom Griffiths",
        role: "Community representative",
        organisation: "Aldermoor Residents' Forum",
        board: "strategic",
        responsibility: "Bringing residents' views to the board and reporting back",
        contact: "+44 1632 960123",
        public: false,
      },
    ],
    joinsLater: "Sunita Rao",
    decisions: [
      {
        date: "2026-03-12",
        decision: "Adopt the roadmap for 2026 to 2029",
        rationale:
          "The board agreed the phases and the first quick wins after consultation with partners and residents.",
        madeBy: "strategic",
        owner: { member: "amara@aldermoor.example" },
        link: "https://democracy.aldermoor.example/meetings/2026-03-12",
      },
      {
        date: "2026-06-04",
        decision: "Every new contract carries the open data clause",
        rationale:
          "Data from services the council pays for should be the council's and reusable by others; suppliers were told in advance.",
        madeBy: "strategic",
        owner: { member: "amara@aldermoor.example" },
        link: "https://democracy.aldermoor.example/meetings/2026-06-04",
      },
      {
        date: "2026-09-17",
        decision: "Drop the council's own parking payment app",
        rationale:
          "Residents already use national apps; the money goes to the journey planner instead, and parking data stays open.",
        madeBy: "delivery",
        owner: { member: "ben@partners.example" },
        link: "",
      },
      {
        date: "2026-11-05",
        decision: "Go to market for smart street lighting with Brackenford and Castlebridge",
        rationale:
          "A joint market engagement gives suppliers one conversation and the three cities a better price.",
        madeBy: "strategic",
        owner: { partner: "Aldermoor Highways" },
        link: "https://democracy.aldermoor.example/meetings/2026-11-05",
      },
    ],
    update: {
      title: "Progress update, November 2026",
      paragraphs: [
        "The open data portal now holds 40 datasets and goes fully live in the new year.",
        "Bus priority is working at 12 of 30 junctions; morning journeys on the 14 and 27 routes are four minutes shorter on average.",
        "We have started talking to lighting suppliers together with Brackenford and Castlebridge.",
      ],
    },
  },
  brackenford: {
    leaders: [
      {
        name: "Eleanor Shaw",
        role: "Programme lead",
        organisation: "Brackenford Borough Council",
        board: "strategic",
        responsibility: "Setting up the programme and writing the vision with residents",
        contact: "smartertown@brackenford.example",
        public: true,
      },
      {
        name: "Cllr David Moss",
        role: "Cabinet member for climate",
        organisation: "Brackenford Borough Council",
        board: "strategic",
        responsibility: "Chairs the leadership team; warm homes and energy",
        contact: "cabinet@brackenford.example",
        public: true,
      },
      {
        name: "Aisha Bello",
        role: "Chief executive",
        organisation: "Brackenford Homes",
        board: "strategic",
        responsibility: "Housing partner: damp and energy sensors in social homes",
        contact: "https://www.brackenford-homes.example/contact",
        public: true,
      },
      {
        name: "Farid Khan",
        role: "Project manager",
        organisation: "Brackenford Borough Council",
        board: "delivery",
        responsibility: "Home energy baseline and the stakeholder register",
        contact: "farid@brackenford.example",
        public: false,
      },
    ],
    joinsLater: "Aisha Bello",
    decisions: [
      {
        date: "2026-05-20",
        decision: "Form a cross-sector leadership team",
        rationale:
          "The council cannot deliver warm homes alone; housing, health and business sit at the table.",
        madeBy: "strategic",
        owner: { member: "eleanor@brackenford.example" },
        link: "https://www.brackenford.example/council/meetings/2026-05-20",
      },
      {
        date: "2026-08-14",
        decision: "Stop the smart bins trial",
        rationale:
          "Collections did not fall enough to justify the cost; the lessons are written up for other towns.",
        madeBy: "delivery",
        owner: { member: "farid@brackenford.example" },
        link: "",
      },
      {
        date: "2026-10-30",
        decision: "Write the vision with residents before choosing projects",
        rationale: "Early projects chose themselves; the board wants residents' priorities to lead.",
        madeBy: "strategic",
        owner: { member: "eleanor@brackenford.example" },
        link: "https://www.brackenford.example/council/meetings/2026-10-30",
      },
    ],
    update: {
      title: "Progress update, November 2026",
      paragraphs: [
        "Three workshops on the vision took place in October, with 140 residents taking part.",
        "The home energy baseline covers 2,300 homes so far.",
      ],
    },
  },
  castlebridge: {
    leaders: [
      {
        name: "Isla Morgan",
        role: "Director of the smart city programme",
        organisation: "Castlebridge City Council",
        board: "strategic",
        responsibility: "Accountable for the programme and its health checks",
        contact: "smartcity@castlebridge.example",
        public: true,
      },
      {
        name: "Cllr Hamid Qureshi",
        role: "Leader of the council",
        organisation: "Castlebridge City Council",
        board: "strategic",
        responsibility: "Chairs the strategic board",
        contact: "leader@castlebridge.example",
        public: true,
      },
      {
        name: "Dr Nia Roberts",
        role: "Director of public health",
        organisation: "Castlebridge Health Partnership",
        board: "strategic",
        responsibility: "Health outcomes and the ageing well services",
        contact: "https://www.castlebridge-health.example/public-health",
        public: true,
      },
      {
        name: "Ben Hughes",
        role: "Delivery manager, infrastructure",
        organisation: "Northgate Partners",
        board: "delivery",
        responsibility: "Street lighting and the shared sensor network",
        contact: "ben@partners.example",
        public: true,
      },
      {
        name: "Owen Price",
        role: "Chair of the digital inclusion group",
        organisation: "Castlebridge Libraries",
        board: "other",
        responsibility: "Help for residents who are not online",
        contact: "+44 1632 960456",
        public: false,
      },
    ],
    joinsLater: "Dr Nia Roberts",
    decisions: [
      {
        date: "2026-02-09",
        decision: "Run a health check against the critical success factors every six months",
        rationale: "The board wants to see early where the programme is weak, not only at the end.",
        madeBy: "strategic",
        owner: { member: "isla@castlebridge.example" },
        link: "https://www.castlebridge.example/meetings/2026-02-09",
      },
      {
        date: "2026-07-01",
        decision: "Share one sensor network between services",
        rationale: "Lighting, flooding and air quality sensors use one network, so each service pays less.",
        madeBy: "delivery",
        owner: { member: "ben@partners.example" },
        link: "",
      },
      {
        date: "2026-11-10",
        decision: "Join the street lighting market engagement with Aldermoor and Brackenford",
        rationale: "A bigger joint volume should bring better terms and shared standards.",
        madeBy: "strategic",
        owner: { member: "isla@castlebridge.example" },
        link: "https://www.castlebridge.example/meetings/2026-11-10",
      },
    ],
    update: {
      title: "Progress update, November 2026",
      paragraphs: [
        "The second health check showed stronger leadership and weaker citizen engagement; an engagement plan follows in December.",
        "The shared sensor network now covers the city centre.",
      ],
    },
  },
};

const DAY_MS = 24 * 60 * 60 * 1000;

/** Roadmap items a demo city shows the public: what is under way or planned, and milestones. */
function isPublicDemoItem(valid: Record<string, unknown>): boolean {
  return (
    valid.milestone === true ||
    valid.status === "in-progress" ||
    valid.status === "planned" ||
    valid.status === "blocked"
  );
}

async function storeNewBoard(
  db: Kysely<Database>,
  args: { cityId: string; kind: BoardKind; ydoc: Y.Doc },
): Promise<void> {
  const board = await findCityBoard(db, { cityId: args.cityId, kind: args.kind });
  await saveSnapshot(db, {
    documentId: board.id,
    state: Y.encodeStateAsUpdate(args.ydoc),
    stateVector: Y.encodeStateVector(args.ydoc),
    folded: 0,
  });
  await projectBoard(db, { documentId: board.id, kind: args.kind, ydoc: args.ydoc });
}

/** Changes a city's stored board as one appended update, and projects it again. */
async function changeBoard(
  db: Kysely<Database>,
  args: { cityId: string; kind: BoardKind; change: (ydoc: Y.Doc) => void },
): Promise<void> {
  const board = await findCityBoard(db, { cityId: args.cityId, kind: args.kind });
  await changeStoredBoard(db, { documentId: board.id, kind: args.kind, change: args.change });
}

/**
 * Gives a demo city its leadership team and decisions log, marks the roadmap items it shows the
 * public, and publishes its public page as its lead would have: once a month ago, and again three
 * days ago with a progress update and one more person made public.
 */
export async function seedDemoGovernance(
  db: Kysely<Database>,
  args: { cityId: string; slug: string; now?: Date },
): Promise<void> {
  const demo = DEMO_GOVERNANCE[args.slug];
  if (!demo) return;
  const now = args.now ?? new Date();
  const members = await listMembers(db, { cityId: args.cityId });
  const lead = members.find((member) => member.role === "lead");
  const ownerOf = (owner: DemoDecision["owner"]): Owner => {
    if ("partner" in owner) return { type: "partner", name: owner.partner };
    const person = members.find((member) => member.email === owner.member);
    if (!person)
      throw new Error(`A demo decision is owned by ${owner.member}, who is not a member of the city`);
    return { type: "member", userId: person.userId, name: person.name };
  };

  const leadership = new Y.Doc();
  const decisions = new Y.Doc();
  const rowOf = new Map<string, string>();
  try {
    for (const leader of demo.leaders) {
      const id = insertRow(leadership, LEADERSHIP, {
        values: { ...leader, public: leader.public && leader.name !== demo.joinsLater },
      });
      rowOf.set(leader.name, id);
    }
    for (const decision of demo.decisions) {
      insertRow(decisions, DECISIONS, { values: { ...decision, owner: ownerOf(decision.owner) } });
    }
    await storeNewBoard(db, { cityId: args.cityId, kind: "leadership", ydoc: leadership });
    await storeNewBoard(db, { cityId: args.cityId, kind: "decisions", ydoc: decisions });
  } finally {
    leadership.destroy();
    decisions.destroy();
  }

  await changeBoard(db, {
    cityId: args.cityId,
    kind: "roadmap",
    change: (ydoc) => {
      for (const row of readBoard(ydoc, ROADMAP)) {
        if (isPublicDemoItem(row.valid)) setCell(ydoc, row.id, "public", true);
      }
    },
  });

  const publish = (sections: string[], daysAgo: number, updateDocumentId?: string) =>
    publishCityPage(db, {
      cityId: args.cityId,
      userId: lead?.userId ?? null,
      sections,
      updateDocumentId,
      now: new Date(now.getTime() - daysAgo * DAY_MS),
    });
  await publish(["vision", "principles", "leadership", "roadmap", "pipeline"], 30);

  const joining = rowOf.get(demo.joinsLater);
  if (joining) {
    await changeBoard(db, {
      cityId: args.cityId,
      kind: "leadership",
      change: (ydoc) => setCell(ydoc, joining, "public", true),
    });
  }
  const update = await writeUpdatePage(db, {
    cityId: args.cityId,
    createdBy: lead?.userId ?? null,
    ...demo.update,
  });
  await publish(["update", "leadership"], 3, update);
}

/** Makes a page holding the progress update; returns its id. */
async function writeUpdatePage(
  db: Kysely<Database>,
  args: { cityId: string; createdBy: string | null; title: string; paragraphs: string[] },
): Promise<string> {
  const spaceId = await documents.findCitySpaceId(db, { cityId: args.cityId });
  if (!spaceId) throw new Error("A demo city has no space");
  const page = await documents.insertDocument(db, {
    spaceId,
    kind: "page",
    title: args.title,
    createdBy: args.createdBy,
  });
  const ydoc = new Y.Doc();
  try {
    writePlainText(ydoc.getXmlFragment(EDITOR_FRAGMENT), args.paragraphs.join("\n"));
    await saveSnapshot(db, {
      documentId: page.id,
      state: Y.encodeStateAsUpdate(ydoc),
      stateVector: Y.encodeStateVector(ydoc),
      folded: 0,
    });
    await saveDocumentText(db, {
      documentId: page.id,
      plainText: fragmentPlainText(ydoc.getXmlFragment(EDITOR_FRAGMENT)),
    });
  } finally {
    ydoc.destroy();
  }
  return page.id;
}
