import type { Transaction } from "kysely";
import * as Y from "yjs";
import { listBoardRows } from "../db/repositories/board-rows";
import { listDocumentsOfCity } from "../db/repositories/documents";
import type { Database } from "../db/schema";
import type { Evidence } from "../shared/boards/fields";
import { TRACKER, type TrackerStatus } from "../shared/boards/framework";
import { insertRow } from "../shared/boards/model";
import { RECOMMENDATIONS } from "../shared/scf/catalogue";
import { findCityBoard, storeNewBoard } from "./boards/commands";

/** A piece of evidence as written by hand: one of the city's starter documents, or a roadmap item by title. */
export type DemoEvidence =
  { document: "vision" | "principles" | "operating-model" } | { roadmapItem: string };

/** Where a demo city stands on one recommendation. */
export interface DemoTrackerEntry {
  status: TrackerStatus;
  /** A demo member of the city, by email. */
  owner?: string;
  /** YYYY-MM-DD */
  target?: string;
  /** Why the recommendation does not apply; needed for "not-applicable". */
  reason?: string;
  evidence?: DemoEvidence[];
  /** Plain text, a sentence or two. */
  notes?: string;
}

const vision = { document: "vision" } as const;
const principles = { document: "principles" } as const;
const operatingModel = { document: "operating-model" } as const;
const item = (title: string): DemoEvidence => ({ roadmapItem: title });

const AMARA = "amara@aldermoor.example";
const BEN = "ben@partners.example";
const CHLOE = "chloe@aldermoor.example";
const ELEANOR = "eleanor@brackenford.example";
const FARID = "farid@brackenford.example";
const GRACE = "grace@brackenford.example";
const ISLA = "isla@castlebridge.example";
const JACK = "jack@castlebridge.example";

/**
 * Each demo city's progress through the framework, one entry per recommendation, as of late
 * November 2026: Aldermoor well advanced, Brackenford just starting, Castlebridge part of the way
 * with its technology work done.
 */
export const DEMO_TRACKERS: Record<string, Record<string, DemoTrackerEntry>> = {
  aldermoor: {
    Aa: {
      status: "in-place",
      owner: AMARA,
      target: "2025-03-28",
      evidence: [principles, item("Agree guiding principles with partners")],
      notes:
        "Agreed with the council, the university, the bus operator and community groups over two workshops, and published with the vision.",
    },
    Ab: {
      status: "in-place",
      owner: AMARA,
      target: "2025-03-28",
      evidence: [principles],
      notes: "Annex A was our first draft; we kept most of its statements and reworded them for Aldermoor.",
    },
    B1a: {
      status: "in-place",
      owner: AMARA,
      target: "2025-05-21",
      evidence: [vision, item("City vision adopted by full council")],
      notes: "Three rounds of drafting, shaped by a resident survey and street conversations in every ward.",
    },
    B1b: {
      status: "in-place",
      owner: AMARA,
      target: "2025-05-21",
      evidence: [vision],
      notes: "The vision names open data and live air-quality readings as tools the city will use.",
    },
    B1c: {
      status: "in-place",
      owner: AMARA,
      target: "2025-05-21",
      evidence: [vision, item("Strategic business case and benefit map")],
      notes:
        "Clean air and reliable buses are goals of the council plan itself, not a separate digital agenda.",
    },
    B2: {
      status: "in-progress",
      owner: BEN,
      target: "2027-03-31",
      evidence: [operatingModel],
      notes:
        "First draft shared with partners. Bus information and air-quality alerts are the first services to be organised around residents.",
    },
    B3a: {
      status: "in-place",
      owner: AMARA,
      target: "2025-06-30",
      evidence: [item("Set up strategic and delivery boards")],
      notes:
        "The council leader chairs the strategic board; the director of place is the accountable officer.",
    },
    B3b: {
      status: "in-place",
      owner: AMARA,
      target: "2025-06-30",
      evidence: [item("Set up strategic and delivery boards")],
      notes:
        "Chief executives of the university, the NHS trust and Moorline Buses sit on the strategic board.",
    },
    B3c: {
      status: "in-place",
      owner: AMARA,
      target: "2025-06-30",
      evidence: [item("Set up strategic and delivery boards"), item("Roadmap approved by strategic board")],
      notes: "The strategic board meets each quarter and the delivery board each month.",
    },
    B3d: {
      status: "in-place",
      owner: BEN,
      target: "2026-06-19",
      evidence: [item("First critical success factor health check"), operatingModel],
      notes: "Priorities are revisited at every quarterly roadmap review, using what the health check found.",
    },
    B3e: {
      status: "in-progress",
      owner: AMARA,
      target: "2026-08-31",
      notes:
        "A skills review of the delivery board found gaps in data and procurement. Two advisers are still being recruited.",
    },
    B3f: {
      status: "planned",
      owner: AMARA,
      target: "2027-03-31",
      notes: "The partnership agreement will gain a section on partners joining, merging or leaving.",
    },
    B3g: {
      status: "in-place",
      owner: CHLOE,
      target: "2025-06-30",
      evidence: [item("Set up strategic and delivery boards")],
      notes: "Terms of reference, papers and minutes of both boards are on the council's website.",
    },
    B4a: {
      status: "in-place",
      owner: CHLOE,
      target: "2025-06-13",
      evidence: [item("Stakeholder map and engagement plan"), item("School streets at five primaries")],
      notes: "The director of communications leads the engagement plan, which is refreshed every spring.",
    },
    B4b: {
      status: "in-place",
      owner: AMARA,
      target: "2026-04-19",
      evidence: [item("Air sensors at 20 school gates"), item("Clean air hack weekend")],
      notes: "The university, the bus operator and Clean Air Aldermoor deliver alongside the council.",
    },
    B4c: {
      status: "planned",
      owner: AMARA,
      target: "2027-06-30",
      evidence: [item("Common data standards with neighbouring councils")],
      notes:
        "Brackenford's team visited us in October. A return visit and a shared log of lessons are planned.",
    },
    B5a: {
      status: "in-place",
      owner: BEN,
      target: "2026-05-29",
      evidence: [item("Publish the mobility and air quality pipeline")],
      notes:
        "The large purchases of the council, the NHS trust and the university are listed in one pipeline that the delivery board reviews.",
    },
    B5b: {
      status: "in-place",
      owner: BEN,
      target: "2026-03-13",
      evidence: [item("Open data clause in all new contracts")],
      notes: "Every new contract carries the open data clause; older ones are checked at renewal.",
    },
    B5c: {
      status: "in-progress",
      owner: BEN,
      target: "2027-02-26",
      evidence: [item("Clean air hack weekend")],
      notes:
        "A supplier day for local firms is being arranged with the chamber of commerce before the platform tender.",
    },
    B6a: {
      status: "in-place",
      owner: BEN,
      target: "2025-12-12",
      evidence: [item("Interoperability gaps in transport and environment data")],
      notes:
        "The university's study showed where traffic, parking and air-quality data cannot flow, and why.",
    },
    B6b: {
      status: "in-progress",
      owner: BEN,
      target: "2026-09-30",
      evidence: [item("City mobility data platform")],
      notes:
        "A policy on common data formats is drafted but not yet agreed by the delivery board; it waits on the platform supplier's comments.",
    },
    B6c: {
      status: "planned",
      owner: BEN,
      target: "2027-09-30",
      evidence: [item("Common data standards with neighbouring councils")],
      notes: "To be taken forward with the combined authority and its other councils.",
    },
    B7a: {
      status: "in-progress",
      owner: BEN,
      target: "2026-06-30",
      notes: "A glossary of the programme's main terms is half written; it fell behind the platform work.",
    },
    B7b: {
      status: "planned",
      owner: BEN,
      target: "2027-04-30",
      notes:
        "Partners will be asked to adopt the glossary and keep it up to date through the delivery board.",
    },
    B8a: {
      status: "in-place",
      owner: AMARA,
      target: "2025-11-26",
      evidence: [item("Roadmap approved by strategic board")],
      notes: "The phased roadmap was approved in November 2025 and is reviewed every quarter.",
    },
    B8b: {
      status: "in-place",
      owner: AMARA,
      target: "2026-03-31",
      evidence: [item("Open bus stop and timetable data"), item("Open data portal beta, first 40 datasets")],
      notes: "Open bus data and the data portal beta were the early wins partners chose.",
    },
    B8c: {
      status: "in-place",
      owner: BEN,
      target: "2026-03-31",
      evidence: [item("Open data clause in all new contracts"), item("Open bus stop and timetable data")],
      notes:
        "Quick, cheap changes went first. The parking payment app was dropped when it proved to be neither.",
    },
    B8d: {
      status: "in-progress",
      owner: CHLOE,
      target: "2027-03-31",
      evidence: [item("Open data portal goes live")],
      notes: "What beta users said about the data portal is shaping the live version.",
    },
    B8e: {
      status: "in-progress",
      owner: AMARA,
      target: "2027-01-29",
      evidence: [item("School streets at five primaries")],
      notes: "Head teachers from the school streets scheme now make the case for it to other schools.",
    },
    B9: {
      status: "in-progress",
      owner: BEN,
      target: "2027-03-31",
      evidence: [
        item("Open bus stop and timetable data"),
        item("Open data portal beta, first 40 datasets"),
        item("Open data portal goes live"),
      ],
      notes: "Forty datasets are open in the beta; the live portal is due in March.",
    },
    B10a: {
      status: "planned",
      owner: BEN,
      target: "2027-04-05",
      evidence: [item("Journey planner with single ticketing")],
      notes: "Travel information and tickets will come together in one journey planner.",
    },
    B10b: {
      status: "planned",
      owner: BEN,
      target: "2027-09-30",
      notes: "Depends on the mobility data platform being in service.",
    },
    B10c: { status: "not-started", notes: "Not yet discussed by the delivery board." },
    B11a: {
      status: "planned",
      owner: CHLOE,
      target: "2027-06-30",
      notes:
        "We will count how people reach travel and air-quality services once the journey planner is specified.",
    },
    B11b: { status: "not-started", notes: "Help sessions in libraries are on the roadmap for 2028." },
    B12a: {
      status: "planned",
      owner: BEN,
      target: "2027-05-31",
      evidence: [item("Air pollution alerts for people with asthma and COPD")],
      notes: "The NHS trust will vouch for patients who sign up to pollution alerts.",
    },
    B12b: { status: "not-started" },
    B12c: {
      status: "planned",
      owner: BEN,
      target: "2027-05-31",
      evidence: [item("Air pollution alerts for people with asthma and COPD")],
      notes: "People will choose what the alerts service holds about them, and can withdraw at any time.",
    },
    B13: {
      status: "in-place",
      owner: BEN,
      target: "2025-10-31",
      evidence: [item("Map council data and ICT assets"), item("Open data portal beta, first 40 datasets")],
      notes:
        "An inventory of datasets, systems and sensors in transport, highways and environmental health, each with an owner.",
    },
    B14: {
      status: "in-progress",
      owner: BEN,
      target: "2027-09-30",
      evidence: [item("City mobility data platform")],
      notes: "The mobility data platform is the first shared service of the city's open architecture.",
    },
    Ca: {
      status: "in-place",
      owner: BEN,
      target: "2025-09-30",
      evidence: [item("Strategic business case and benefit map")],
      notes: "The benefit map traces each investment to outcomes such as shorter bus journeys.",
    },
    Cb: {
      status: "in-progress",
      owner: BEN,
      target: "2026-10-31",
      evidence: [item("Strategic business case and benefit map")],
      notes:
        "Baselines come from 2024 data; the success criteria for air quality still wait on public health.",
    },
    Cc: {
      status: "in-progress",
      owner: AMARA,
      target: "2027-01-29",
      notes: "Each outcome on the benefit map is being given an owner on the strategic board.",
    },
    D: {
      status: "in-place",
      owner: AMARA,
      target: "2026-06-19",
      evidence: [
        item("First critical success factor health check"),
        item("Second critical success factor health check"),
      ],
      notes: "An outside reviewer runs a health check every year; the second is booked for May 2027.",
    },
  },

  brackenford: {
    Aa: {
      status: "in-place",
      owner: ELEANOR,
      target: "2026-07-24",
      evidence: [principles, item("Guiding principles workshops")],
      notes:
        "Agreed at workshops with the council, Bracken Valley Homes, the health board and the voluntary sector.",
    },
    Ab: {
      status: "in-place",
      owner: ELEANOR,
      target: "2026-07-24",
      evidence: [principles],
      notes: "Annex A was the starting draft; the workshops added a principle on warm, healthy homes.",
    },
    B1a: {
      status: "in-progress",
      owner: ELEANOR,
      target: "2027-01-29",
      evidence: [vision, item("Draft the city vision with residents")],
      notes:
        "The second round of conversations with residents is under way; the draft goes to cabinet in January.",
    },
    B1b: {
      status: "planned",
      owner: ELEANOR,
      target: "2027-01-29",
      evidence: [vision],
      notes: "The draft will say how data on home energy and health can help.",
    },
    B1c: {
      status: "planned",
      owner: ELEANOR,
      target: "2027-01-29",
      notes: "To be settled with cabinet members when the draft vision reaches them.",
    },
    B2: { status: "not-started", notes: "Waits for the vision to be adopted." },
    B3a: {
      status: "in-place",
      owner: ELEANOR,
      target: "2026-09-25",
      evidence: [item("Form a cross-sector leadership team")],
      notes: "The deputy leader is the political lead and the chief executive the officer lead.",
    },
    B3b: {
      status: "in-place",
      owner: ELEANOR,
      target: "2026-09-25",
      evidence: [item("Form a cross-sector leadership team")],
      notes:
        "Bracken Valley Homes, the health board, the university and the voluntary council are on the team.",
    },
    B3c: {
      status: "planned",
      owner: ELEANOR,
      target: "2027-07-30",
      evidence: [item("Monthly programme board and roadmap review")],
      notes: "A delivery board starts once cabinet has signed off the roadmap.",
    },
    B3d: {
      status: "planned",
      owner: ELEANOR,
      target: "2027-10-29",
      evidence: [item("Monthly programme board and roadmap review")],
    },
    B3e: { status: "not-started" },
    B3f: { status: "not-started" },
    B3g: {
      status: "planned",
      owner: GRACE,
      target: "2027-03-31",
      notes: "The leadership team's papers will be published from the spring.",
    },
    B4a: {
      status: "in-progress",
      owner: FARID,
      target: "2026-12-18",
      evidence: [item("Stakeholder register and engagement plan")],
      notes: "The stakeholder register is nearly complete; the engagement plan follows in December.",
    },
    B4b: {
      status: "planned",
      owner: ELEANOR,
      target: "2027-09-30",
      evidence: [item("Scope a data-sharing agreement with the health board")],
      notes: "The first partnership in view is with the health board, on warm homes.",
    },
    B4c: {
      status: "in-progress",
      owner: FARID,
      target: "2027-03-31",
      evidence: [item("Visit Aldermoor to learn from its open data work")],
      notes: "Visited Aldermoor in October and shared our notes with the leadership team.",
    },
    B5a: { status: "not-started" },
    B5b: {
      status: "planned",
      owner: FARID,
      target: "2027-06-25",
      evidence: [item("Review procurement rules for outcome-based contracts")],
    },
    B5c: { status: "not-started" },
    B6a: { status: "not-started" },
    B6b: { status: "not-started" },
    B6c: { status: "not-started" },
    B7a: { status: "not-started" },
    B7b: { status: "not-started" },
    B8a: {
      status: "planned",
      owner: ELEANOR,
      target: "2027-07-14",
      evidence: [item("Roadmap signed off by cabinet")],
      notes: "A first draft of the roadmap exists; cabinet is due to sign it off in July.",
    },
    B8b: {
      status: "planned",
      owner: FARID,
      target: "2027-04-30",
      notes: "Likely early wins: online repairs reporting and the digital champions.",
    },
    B8c: {
      status: "planned",
      owner: FARID,
      target: "2027-04-30",
      notes: "The town centre smart bins trial was dropped as too costly for what it would have shown.",
    },
    B8d: { status: "not-started" },
    B8e: { status: "not-started" },
    B9: {
      status: "not-started",
      notes: "Open data is not yet in the plan; Aldermoor's portal is the example we will look at.",
    },
    B10a: {
      status: "planned",
      owner: FARID,
      target: "2027-04-16",
      evidence: [item("Plain-language online repairs reporting")],
    },
    B10b: { status: "not-started" },
    B10c: { status: "not-started" },
    B11a: {
      status: "planned",
      owner: FARID,
      target: "2027-04-30",
      evidence: [item("Audit channels for housing and benefit enquiries")],
    },
    B11b: {
      status: "in-progress",
      owner: GRACE,
      target: "2027-05-28",
      evidence: [item("Digital champions in libraries and community centres")],
      notes: "Twelve volunteer digital champions trained so far.",
    },
    B12a: {
      status: "planned",
      owner: ELEANOR,
      target: "2027-09-30",
      evidence: [item("Scope a data-sharing agreement with the health board")],
    },
    B12b: { status: "not-started" },
    B12c: {
      status: "planned",
      owner: FARID,
      target: "2027-05-14",
      evidence: [item("Data protection impact assessment for housing and health data")],
    },
    B13: {
      status: "planned",
      owner: FARID,
      target: "2026-09-30",
      evidence: [item("Baseline of home energy performance")],
      notes:
        "The list of council systems and datasets was due in September; it waits for time from the IT team.",
    },
    B14: { status: "not-started" },
    Ca: {
      status: "planned",
      owner: FARID,
      target: "2027-06-04",
      evidence: [item("Outline business case and benefit map")],
    },
    Cb: {
      status: "in-progress",
      owner: FARID,
      target: "2027-03-26",
      evidence: [item("Baseline of home energy performance")],
      notes: "Bracken Valley Homes is measuring the energy performance of its homes as the baseline.",
    },
    Cc: { status: "not-started" },
    D: {
      status: "planned",
      owner: ELEANOR,
      target: "2027-11-12",
      evidence: [item("First critical success factor health check")],
      notes: "Castlebridge's team has offered to act as peer reviewers.",
    },
  },

  castlebridge: {
    Aa: {
      status: "in-place",
      owner: ISLA,
      target: "2025-04-30",
      evidence: [principles, item("Refresh the vision and principles for 2030")],
      notes: "Refreshed for 2030 together with the two neighbouring councils.",
    },
    Ab: {
      status: "in-place",
      owner: ISLA,
      target: "2025-04-30",
      evidence: [principles],
      notes: "Checked against Annex A when the principles were refreshed.",
    },
    B1a: {
      status: "in-place",
      owner: ISLA,
      target: "2025-04-30",
      evidence: [vision, item("Refresh the vision and principles for 2030")],
      notes: "Refreshed in 2025 after a resident panel and a conference of partners.",
    },
    B1b: {
      status: "in-progress",
      owner: BEN,
      target: "2027-02-26",
      evidence: [vision],
      notes: "The refreshed vision says little about data yet; an addendum is being drafted.",
    },
    B1c: {
      status: "in-place",
      owner: ISLA,
      target: "2025-04-30",
      evidence: [vision],
      notes: "A net zero council estate is one of the council plan's four goals.",
    },
    B2: {
      status: "in-progress",
      owner: ISLA,
      target: "2027-09-30",
      evidence: [
        operatingModel,
        item("Business case for a shared service with two neighbouring councils"),
        item("Joint digital services company for three councils"),
      ],
      notes: "The service shared with two neighbouring councils is the heart of the new operating model.",
    },
    B3a: {
      status: "in-place",
      owner: ISLA,
      target: "2025-07-25",
      notes: "The cabinet member for environment and the director of resources are jointly accountable.",
    },
    B3b: {
      status: "in-progress",
      owner: ISLA,
      target: "2027-03-31",
      notes:
        "Only public bodies sit on the programme board so far; a seat for local business is being discussed.",
    },
    B3c: {
      status: "in-place",
      owner: ISLA,
      target: "2025-11-28",
      evidence: [item("Joint procurement board with neighbouring councils")],
    },
    B3d: {
      status: "in-progress",
      owner: ISLA,
      target: "2027-01-29",
      evidence: [item("Roadmap reset for 2025 to 2029")],
      notes: "The 2025 reset used the health check results; a regular cycle of reviews is being set up.",
    },
    B3e: { status: "planned", owner: ISLA, target: "2027-06-30" },
    B3f: {
      status: "in-progress",
      owner: ISLA,
      target: "2027-12-17",
      evidence: [item("Joint digital services company for three councils")],
      notes: "The joint company's articles will say how a council joins or leaves.",
    },
    B3g: {
      status: "in-progress",
      owner: JACK,
      target: "2026-11-13",
      notes: "Board papers go to the resident panel; publishing them online is agreed but has slipped.",
    },
    B4a: {
      status: "in-progress",
      owner: JACK,
      target: "2027-04-30",
      evidence: [item("Quarterly resident panel on the shared service")],
    },
    B4b: {
      status: "in-place",
      owner: ISLA,
      target: "2026-07-31",
      evidence: [
        item("Solar panels on 40 public buildings"),
        item("Business case for a shared service with two neighbouring councils"),
      ],
      notes: "The community energy co-operative and the waste partnership deliver alongside the council.",
    },
    B4c: {
      status: "in-progress",
      owner: ISLA,
      target: "2027-03-26",
      evidence: [
        item("Share lessons with Aldermoor and Brackenford"),
        item("Third critical success factor health check"),
      ],
      notes: "Aldermoor's team reviewed our third health check; we will review Brackenford's first.",
    },
    B5a: {
      status: "in-place",
      owner: ISLA,
      target: "2025-11-28",
      evidence: [item("Joint procurement board with neighbouring councils")],
    },
    B5b: {
      status: "in-progress",
      owner: BEN,
      target: "2027-03-31",
      evidence: [item("Joint procurement board with neighbouring councils")],
      notes: "The joint procurement board is rewriting the three councils' rules to one standard.",
    },
    B5c: {
      status: "not-applicable",
      reason:
        "Support for suppliers and new firms across the county is run by the Midshire growth hub, which the council funds and sits on.",
    },
    B6a: {
      status: "in-place",
      owner: BEN,
      target: "2026-03-27",
      evidence: [item("Shared asset register with neighbouring councils")],
    },
    B6b: {
      status: "in-progress",
      owner: BEN,
      target: "2026-10-30",
      evidence: [item("Update the shared architecture from usage data")],
      notes:
        "Common data formats for the three councils were due in October; one council has still to sign them off.",
    },
    B6c: { status: "planned", owner: BEN, target: "2027-07-30" },
    B7a: { status: "planned", owner: BEN, target: "2027-06-30" },
    B7b: { status: "not-started" },
    B8a: {
      status: "in-place",
      owner: ISLA,
      target: "2025-07-25",
      evidence: [item("Roadmap reset for 2025 to 2029")],
    },
    B8b: {
      status: "in-progress",
      owner: ISLA,
      target: "2027-01-29",
      evidence: [
        item("Report a missed bin online and track it"),
        item("Dim main-road streetlights after midnight"),
      ],
      notes: "Early wins came from waste and street lighting; the shared service still needs its own.",
    },
    B8c: {
      status: "not-applicable",
      reason:
        "The programme is long past its first phase; since the 2025 reset the roadmap ranks work by benefit and readiness instead.",
    },
    B8d: {
      status: "in-progress",
      owner: JACK,
      target: "2027-04-30",
      evidence: [item("Quarterly resident panel on the shared service")],
    },
    B8e: { status: "not-started" },
    B9: {
      status: "in-place",
      owner: BEN,
      target: "2025-10-31",
      evidence: [
        item("Publish energy use of council buildings"),
        item("Fill-level sensors on 300 communal bins"),
      ],
      notes: "Energy use of council buildings and bin sensor readings are published as open data.",
    },
    B10a: {
      status: "in-place",
      owner: BEN,
      target: "2025-09-26",
      evidence: [item("Report a missed bin online and track it")],
    },
    B10b: {
      status: "in-progress",
      owner: BEN,
      target: "2027-03-31",
      evidence: [item("Shared customer contact platform for three councils")],
    },
    B10c: {
      status: "not-applicable",
      reason:
        "Services for residents are moving into the service shared by three councils rather than into virtual teams within each.",
    },
    B11a: {
      status: "in-progress",
      owner: ISLA,
      target: "2026-12-18",
      notes: "Channel costs are counted for waste and council tax; parking is next.",
    },
    B11b: {
      status: "in-progress",
      owner: ISLA,
      target: "2027-06-30",
      evidence: [item("Move most waste enquiries online")],
    },
    B12a: {
      status: "in-progress",
      owner: BEN,
      target: "2027-05-28",
      evidence: [item("One login for residents of the three councils")],
    },
    B12b: {
      status: "in-progress",
      owner: BEN,
      target: "2027-05-28",
      evidence: [item("One login for residents of the three councils")],
      notes: "Each council keeps its own records; the login links them without copying them into one place.",
    },
    B12c: { status: "planned", owner: BEN, target: "2027-05-28" },
    B13: {
      status: "in-place",
      owner: BEN,
      target: "2026-03-27",
      evidence: [
        item("Shared asset register with neighbouring councils"),
        item("Building energy management platform"),
      ],
      notes: "One register of the three councils' systems, sensors and datasets, with terms for their reuse.",
    },
    B14: {
      status: "in-place",
      owner: BEN,
      target: "2026-06-26",
      evidence: [
        item("Building energy management platform"),
        item("Shared customer contact platform for three councils"),
      ],
      notes:
        "The three councils agreed one open architecture in 2026 and review it each year from usage data.",
    },
    Ca: {
      status: "in-place",
      owner: BEN,
      target: "2025-05-30",
      evidence: [item("Council energy and carbon baseline")],
    },
    Cb: {
      status: "in-progress",
      owner: ISLA,
      target: "2027-03-31",
      evidence: [item("Annual benefits review 2026")],
      notes:
        "Carbon and waste are tracked against baselines; the shared service's success criteria are still being set.",
    },
    Cc: {
      status: "in-progress",
      owner: ISLA,
      target: "2027-03-31",
      notes: "Carbon and waste outcomes have owners; the shared service's outcomes still need one.",
    },
    D: {
      status: "in-place",
      owner: ISLA,
      target: "2026-07-17",
      evidence: [item("Third critical success factor health check")],
    },
  },
};

/** What demo entries point at: the city's people by email, documents by kind and roadmap items by title. */
export interface DemoTrackerLinks {
  people: ReadonlyMap<string, { id: string; name: string }>;
  documents: ReadonlyMap<string, { id: string; title: string }>;
  roadmapItems: ReadonlyMap<string, string>;
}

/**
 * A demo city's framework tracker as a board: a row for every recommendation in the framework's
 * order, owners and evidence resolved. A missing entry, or a reference to no one or nothing, is a
 * mistake in the demo data.
 */
export function buildDemoTracker(
  entries: Readonly<Record<string, DemoTrackerEntry>>,
  links: DemoTrackerLinks,
): Y.Doc {
  const known = new Set(RECOMMENDATIONS.map((recommendation) => recommendation.id));
  for (const id of Object.keys(entries)) {
    if (!known.has(id))
      throw new Error(`The demo tracker has an entry for ${id}, which is no recommendation`);
  }
  const evidenceOf = (evidence: DemoEvidence): Evidence => {
    if ("document" in evidence) {
      const document = links.documents.get(evidence.document);
      if (!document) throw new Error(`The demo tracker cites the ${evidence.document}, which the city lacks`);
      return { type: "document", id: document.id, title: document.title };
    }
    const id = links.roadmapItems.get(evidence.roadmapItem);
    if (!id) throw new Error(`The demo tracker cites "${evidence.roadmapItem}", which is not on the roadmap`);
    return { type: "roadmapItem", id, title: evidence.roadmapItem };
  };
  const ydoc = new Y.Doc();
  for (const recommendation of RECOMMENDATIONS) {
    const entry = entries[recommendation.id];
    if (!entry) throw new Error(`The demo tracker has no entry for ${recommendation.id}`);
    let owner = null;
    if (entry.owner) {
      const person = links.people.get(entry.owner);
      if (!person) throw new Error(`The demo tracker names ${entry.owner}, who is not a member of the city`);
      owner = { type: "member", userId: person.id, name: person.name };
    }
    insertRow(ydoc, TRACKER, {
      id: recommendation.id,
      values: {
        status: entry.status,
        reason: entry.reason ?? "",
        owner,
        target: entry.target ?? null,
        evidence: (entry.evidence ?? []).map(evidenceOf),
        notes: entry.notes ?? "",
      },
    });
  }
  return ydoc;
}

/**
 * Stores a demo city's tracker as its board's first snapshot, and projects it. The city's roadmap
 * must be seeded first: its items are found by title.
 */
export async function seedDemoTracker(
  trx: Transaction<Database>,
  args: { cityId: string; slug: string; people: ReadonlyMap<string, { id: string; name: string }> },
): Promise<void> {
  const entries = DEMO_TRACKERS[args.slug];
  if (!entries) return;
  const roadmap = await findCityBoard(trx, { cityId: args.cityId, kind: "roadmap" });
  const items = await listBoardRows(trx, { documentId: roadmap.id });
  const documents = await listDocumentsOfCity(trx, { cityId: args.cityId, archived: false });
  const tracker = await findCityBoard(trx, { cityId: args.cityId, kind: "framework" });
  const ydoc = buildDemoTracker(entries, {
    people: args.people,
    documents: new Map(documents.map((document) => [document.kind, document])),
    roadmapItems: new Map(
      items.flatMap((row) =>
        typeof row.data.title === "string" ? [[row.data.title, row.rowId] as const] : [],
      ),
    ),
  });
  await storeNewBoard(trx, { documentId: tracker.id, kind: "framework", ydoc });
}
