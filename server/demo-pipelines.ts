import type { Transaction } from "kysely";
import * as Y from "yjs";
import { listBoardRows } from "../db/repositories/board-rows";
import type { Database } from "../db/schema";
import { insertRow } from "../shared/boards/model";
import {
  PIPELINE,
  type Category,
  type CheckAnswer,
  type CheckKey,
  type Method,
  type SmartCheck,
  type Stage,
} from "../shared/boards/pipeline";
import { findCityBoard, storeNewBoard } from "./boards/commands";

/** One opportunity of a demo city's pipeline, as written by hand. */
export interface DemoOpportunity {
  title: string;
  /** Plain text: what must be achieved, not how. */
  outcome: string;
  stage: Stage;
  category: Category;
  /** A CPV code, eight digits with or without the check digit. */
  cpv?: string;
  /** Pounds. */
  value: number | null;
  budgetSource: string;
  method: Method;
  /** YYYY-MM-DD each. */
  dates: { engagement?: string; tender?: string; award?: string; start?: string; end?: string };
  /** Items of the city's demo roadmap, by title. */
  roadmapItems: string[];
  clauses: string[];
  check: Partial<Record<CheckKey, { answer: CheckAnswer; note: string }>>;
}

const yes = (note: string) => ({ answer: "yes" as const, note });
const partly = (note: string) => ({ answer: "partly" as const, note });
const no = (note: string) => ({ answer: "no" as const, note });

/**
 * A pipeline for each demo city, as of late November 2026. All three cities plan smart street
 * lighting with tender windows that overlap in early 2027; Aldermoor's parking app, Brackenford's
 * damp sensors and Castlebridge's lighting plan each risk tying the city to one supplier.
 */
export const DEMO_PIPELINES: Record<string, DemoOpportunity[]> = {
  aldermoor: [
    {
      title: "Smart street lighting: LED lanterns with central management",
      outcome:
        "Cut the energy used by the city's 21,000 street lights by at least 60%, and their carbon with it, while keeping roads and footways as safe and well lit as they are now. Lights must dim and brighten remotely, report their own faults, and be ready to carry environmental sensors later.",
      stage: "market-engagement",
      category: "works",
      cpv: "45316110",
      value: 4_800_000,
      budgetSource: "Salix recycling loan and the 2027/28 capital programme",
      method: "competitive-flexible",
      dates: {
        engagement: "2026-10-05",
        tender: "2027-02-01",
        award: "2027-05-28",
        start: "2027-07-01",
        end: "2032-06-30",
      },
      roadmapItems: ["Open data clause in all new contracts"],
      clauses: ["B5b", "B13", "B14"],
      check: {
        outcomes: yes("Energy, fault-repair time and light levels are specified; lantern types are not."),
        openData: yes(
          "Lighting, energy and fault data belong to the council and go on the open data portal.",
        ),
        innovation: partly(
          "Suppliers may propose sensor add-ons, but there is no shared-savings mechanism yet.",
        ),
        interoperability: yes("The central management system must be certified to the TALQ open protocol."),
        exit: yes("Whole-life cost over 20 years is scored; nodes must work with another supplier's system."),
        smes: partly("Installation is split into two area lots; the management system is one lot."),
      },
    },
    {
      title: "Permanent air quality monitoring network",
      outcome:
        "Know the air quality near every school, main road and bus corridor in the city hour by hour, accurately enough to judge the effect of the clean air measures and to warn people when pollution is high.",
      stage: "tender",
      category: "goods",
      cpv: "38344000",
      value: 1_150_000,
      budgetSource: "Defra air quality grant and the clean air fund",
      method: "open",
      dates: {
        engagement: "2026-04-13",
        tender: "2026-09-14",
        award: "2026-12-18",
        start: "2027-02-01",
        end: "2031-01-31",
      },
      roadmapItems: ["Permanent air quality monitoring network", "Air sensors at 20 school gates"],
      clauses: ["B5b", "B13"],
      check: {
        outcomes: yes("Accuracy, coverage and uptime are specified, not sensor models."),
        openData: yes("Readings are published live under the Open Government Licence."),
        innovation: yes("The university may use the network for research, with a small innovation fund."),
        interoperability: yes("Data through an open API in the SensorThings standard."),
        exit: yes("Sensors are owned by the council; calibration records transfer at the end."),
        smes: yes("Maintenance is a separate lot sized for local firms."),
      },
    },
    {
      title: "City mobility data platform",
      outcome:
        "Bring bus, traffic, parking and cycling data together so that the council, operators and app makers can see how people move around the city and plan with the same figures.",
      stage: "contract-live",
      category: "services",
      cpv: "72322000",
      value: 2_300_000,
      budgetSource: "City region sustainable transport settlement",
      method: "competitive-dialogue",
      dates: {
        engagement: "2026-01-12",
        tender: "2026-03-02",
        award: "2026-07-20",
        start: "2026-09-01",
        end: "2030-08-31",
      },
      roadmapItems: ["City mobility data platform", "Open bus stop and timetable data"],
      clauses: ["B5b", "B14"],
      check: {
        outcomes: yes("Bought as a service measured by data freshness and the number of datasets reused."),
        openData: yes("All non-personal data is the council's and is published."),
        innovation: yes("A challenge fund lets local firms build on the platform."),
        interoperability: yes("GTFS, SIRI and DATEX II feeds; open APIs documented publicly."),
        exit: partly("Data export is free; the analytics tools would need replacing."),
        smes: partly("Two of the five work packages are delivered by local small firms."),
      },
    },
    {
      title: "On-street residential EV charging concession",
      outcome:
        "Give residents without driveways a public charge point within a five-minute walk of home by 2030, at a fair price and with no cost to the council's revenue budget.",
      stage: "tender",
      category: "services",
      cpv: "65320000",
      value: 3_600_000,
      budgetSource: "LEVI capital fund and operator investment",
      method: "competitive-flexible",
      dates: {
        engagement: "2026-03-16",
        tender: "2026-10-12",
        award: "2027-02-26",
        start: "2027-04-01",
        end: "2041-03-31",
      },
      roadmapItems: ["On-street EV charging concession"],
      clauses: ["B5b"],
      check: {
        outcomes: yes("Coverage, reliability and price per kWh are specified."),
        openData: yes("Live availability must be published through OCPI."),
        innovation: partly("Operators may add services such as car club bays."),
        interoperability: yes("Chargers must speak OCPP 2.0.1 so the operator can be changed."),
        exit: partly(
          "Chargers pass to the council at the end; grid connection costs are still being priced.",
        ),
        smes: no("A 15-year concession of this size suits national operators only."),
      },
    },
    {
      title: "Bus priority signals at 30 junctions",
      outcome:
        "Cut bus journey times on the four busiest corridors by a tenth and make them more reliable, without longer waits for people walking and cycling.",
      stage: "awarded",
      category: "works",
      cpv: "45316200",
      value: 2_750_000,
      budgetSource: "Bus service improvement plan",
      method: "framework-call-off",
      dates: { tender: "2026-05-11", award: "2026-08-14", start: "2026-12-01", end: "2028-03-31" },
      roadmapItems: ["Bus priority at 30 junctions", "Retire legacy traffic control systems"],
      clauses: ["B5b", "B13"],
      check: {
        outcomes: yes("Paid partly on measured journey-time savings."),
        openData: yes("Signal timings and bus delay data published monthly."),
        innovation: partly("Trial of priority for late-running buses only."),
        interoperability: yes("UTMC-compliant controllers."),
        exit: yes("Any compliant supplier can maintain the controllers."),
        smes: partly("Civils work sub-let to two regional firms."),
      },
    },
    {
      title: "Air pollution alerts for people with asthma and COPD",
      outcome:
        "People with asthma or COPD who sign up get a warning the evening before a high-pollution day, by text, app or phone call, and fewer of them need emergency care on those days.",
      stage: "idea",
      category: "services",
      value: 180_000,
      budgetSource: "To be agreed with the integrated care board",
      method: "undecided",
      dates: { tender: "2027-09-06", award: "2027-11-26", start: "2028-01-10", end: "2030-01-09" },
      roadmapItems: ["Air pollution alerts for people with asthma and COPD"],
      clauses: ["B9", "B11"],
      check: {
        outcomes: yes("Framed around fewer emergency admissions, not an app."),
        smes: yes("Health charities and local developers are the likeliest providers."),
      },
    },
    {
      title: "Council parking payment app",
      outcome:
        "Let drivers pay for on-street and car park parking by phone, with reminders before time runs out.",
      stage: "contract-live",
      category: "services",
      cpv: "48000000",
      value: 420_000,
      budgetSource: "Parking account",
      method: "direct-award",
      dates: { award: "2026-02-20", start: "2026-04-01", end: "2029-03-31" },
      roadmapItems: ["Council parking payment app"],
      clauses: ["B5b"],
      check: {
        outcomes: partly("Specified as an app with named features rather than a result."),
        openData: no("The supplier keeps the transaction data; we receive monthly summary reports only."),
        innovation: no("Extension of the incumbent's contract."),
        interoperability: no("No API to the journey planner or the mobility data platform."),
        exit: partly("Three-year term, but moving would mean every driver re-registering."),
        smes: no("Direct award to a national supplier."),
      },
    },
    {
      title: "Replace the legacy urban traffic control system",
      outcome:
        "Run the city's traffic signals from one modern system that balances buses, walking and cycling with general traffic, and that any qualified firm can support.",
      stage: "pipeline",
      category: "goods",
      cpv: "34970000",
      value: 1_900_000,
      budgetSource: "Local transport plan capital, 2027 to 2029",
      method: "competitive-flexible",
      dates: {
        engagement: "2027-05-10",
        tender: "2027-11-01",
        award: "2028-03-31",
        start: "2028-06-01",
        end: "2035-05-31",
      },
      roadmapItems: ["Retire legacy traffic control systems"],
      clauses: ["B5b", "B14"],
      check: {
        outcomes: yes("Specified by what the signals must achieve for each kind of road user."),
        interoperability: yes("Open interfaces to the mobility data platform are required."),
        exit: partly("Migration cost from the current system is being estimated."),
      },
    },
    {
      title: "Open data portal hosting and support",
      outcome:
        "Keep the city's open data portal available, fast and easy to publish to, so that every service can share its data without help from IT.",
      stage: "contract-live",
      category: "services",
      cpv: "72415000",
      value: 240_000,
      budgetSource: "Digital services revenue budget",
      method: "framework-call-off",
      dates: { tender: "2026-01-05", award: "2026-01-30", start: "2026-03-01", end: "2028-02-29" },
      roadmapItems: ["Open data portal goes live", "Open data portal beta, first 40 datasets"],
      clauses: ["B5b", "B14"],
      check: {
        outcomes: yes("Uptime, publishing time and user satisfaction are the measures."),
        openData: yes("Open-source portal software; all content is the council's."),
        innovation: partly("Supplier runs two hack days a year with us."),
        interoperability: yes("DCAT metadata and CSV on the web."),
        exit: yes("Two-year call-off; the portal can be moved to another host in a week."),
        smes: yes("Supplied by a small Aldermoor firm."),
      },
    },
    {
      title: "Dockless e-bike hire",
      outcome:
        "Give residents and visitors affordable e-bikes to hire for short trips across the city centre.",
      stage: "withdrawn",
      category: "services",
      value: null,
      budgetSource: "Operator funded",
      method: "undecided",
      dates: { engagement: "2026-02-09" },
      roadmapItems: [],
      clauses: ["B5a"],
      check: {
        outcomes: yes("Trips made and trips replaced by car were the measures."),
        smes: partly("Market engagement drew interest from one local operator."),
      },
    },
  ],

  brackenford: [
    {
      title: "LED street lighting with remote monitoring",
      outcome:
        "Halve the energy and carbon of street lighting in the town centre and on the council estates while keeping streets safe after dark; lights should dim late at night, tell us when they fail, and leave room for sensors.",
      stage: "pipeline",
      category: "works",
      cpv: "45316110",
      value: 2_100_000,
      budgetSource: "Capital bid for 2027/28, not yet approved",
      method: "competitive-flexible",
      dates: {
        engagement: "2026-12-07",
        tender: "2027-03-01",
        award: "2027-06-30",
        start: "2027-09-01",
        end: "2031-08-31",
      },
      roadmapItems: [],
      clauses: ["B5b", "B13"],
      check: {
        outcomes: yes("Energy saved and faults fixed within five days are the measures."),
        smes: partly("We would like a local installer; the scale may not allow it."),
      },
    },
    {
      title: "Damp and temperature sensors in 100 council homes",
      outcome:
        "Spot homes at risk of damp and mould, and tenants at risk of a cold home, before they report a problem, so repairs and support arrive sooner.",
      stage: "contract-live",
      category: "goods",
      cpv: "38540000",
      value: 85_000,
      budgetSource: "Housing revenue account",
      method: "open",
      dates: { tender: "2026-04-20", award: "2026-06-26", start: "2026-08-03", end: "2028-08-02" },
      roadmapItems: ["Damp and temperature sensors in 100 homes"],
      clauses: ["B5b", "B13"],
      check: {
        outcomes: yes("Paid for fewer damp reports and faster repairs, not per sensor."),
        openData: no("Readings can only be seen in the supplier's dashboard; an export costs extra."),
        innovation: partly("The supplier shares anonymised trends with the university."),
        interoperability: partly("No link yet to the housing management system."),
        exit: no("The sensors only work with the supplier's own gateway and service."),
        smes: yes("A small Midlands firm."),
      },
    },
    {
      title: "Free public wi-fi in the town centre",
      outcome:
        "Anyone in the town centre can get online for free without handing over personal data, so visitors and residents without data can use council and other services.",
      stage: "tender",
      category: "services",
      cpv: "72720000",
      value: 360_000,
      budgetSource: "Shared prosperity fund",
      method: "open",
      dates: {
        engagement: "2026-07-06",
        tender: "2026-11-02",
        award: "2027-01-29",
        start: "2027-03-01",
        end: "2030-02-28",
      },
      roadmapItems: ["Free public wi-fi in the town centre"],
      clauses: ["B5b", "B11"],
      check: {
        outcomes: yes("Coverage and uptime specified; the technology is left to bidders."),
        openData: partly("Anonymised footfall counts are published; raw data stays with the operator."),
        innovation: yes("Operators may offer paid services to businesses on the same network."),
        interoperability: yes("Standard access points on council lamp posts, open to other operators."),
        exit: yes("Equipment on council assets transfers at the end at no cost."),
        smes: yes("Two local internet providers have already shown interest."),
      },
    },
    {
      title: "Laptop and data SIM lending scheme",
      outcome:
        "People who cannot afford a device or data can borrow both from a library for up to three months, with help to get started.",
      stage: "awarded",
      category: "goods",
      cpv: "30213100",
      value: 140_000,
      budgetSource: "Household support fund and a telecoms partner's donation",
      method: "framework-call-off",
      dates: { tender: "2026-09-07", award: "2026-10-30", start: "2026-12-01", end: "2028-11-30" },
      roadmapItems: [
        "Laptop and data SIM lending scheme",
        "Digital champions in libraries and community centres",
      ],
      clauses: ["B11"],
      check: {
        outcomes: partly("Bought as devices, with take-up measured by the libraries."),
        openData: yes("Lending figures are the council's and are published quarterly."),
        innovation: partly("Refurbished devices from local businesses count towards the target."),
        interoperability: partly(
          "Standard laptops; device management ties us to one platform for two years.",
        ),
        exit: yes("Devices are owned outright; SIMs are on a rolling monthly contract."),
        smes: partly("A local refurbisher supplies a fifth of the devices."),
      },
    },
    {
      title: "Digital inclusion support service",
      outcome:
        "Residents who struggle online, especially older people and people in social housing, get patient one-to-one help near home until they can use the services they need on their own.",
      stage: "market-engagement",
      category: "services",
      cpv: "80500000",
      value: 450_000,
      budgetSource: "Council and housing association contributions",
      method: "competitive-flexible",
      dates: {
        engagement: "2026-11-16",
        tender: "2027-02-15",
        award: "2027-05-14",
        start: "2027-07-01",
        end: "2030-06-30",
      },
      roadmapItems: [
        "Digital champions in libraries and community centres",
        "Review digital inclusion support",
      ],
      clauses: ["B11", "B5c"],
      check: {
        outcomes: yes("Paid on people reaching confidence, not hours delivered."),
        openData: partly("Anonymised outcome data to the council; personal data stays with the provider."),
        innovation: yes("Providers are asked to work with libraries and GP surgeries."),
        interoperability: partly("Referrals through the council's system; no standard yet."),
        exit: yes("Three-year term with a six-month handover plan."),
        smes: yes("Lots by neighbourhood so community groups can bid."),
      },
    },
    {
      title: "Online repairs reporting for council tenants",
      outcome:
        "Tenants report a repair in plain language from any phone in under three minutes, attach a photo, book a slot and follow progress, without calling.",
      stage: "pipeline",
      category: "services",
      cpv: "72212000",
      value: 220_000,
      budgetSource: "Housing revenue account",
      method: "framework-call-off",
      dates: { tender: "2027-01-25", award: "2027-03-26", start: "2027-05-04", end: "2029-05-03" },
      roadmapItems: ["Plain-language online repairs reporting"],
      clauses: ["B9", "B11"],
      check: {
        outcomes: yes("Measured by the share of repairs reported online and tenants' satisfaction."),
        openData: yes("Repairs data stays the council's."),
        interoperability: yes("Must use the housing system's open API."),
        exit: partly("Short call-off, but tenants' accounts would need moving."),
      },
    },
    {
      title: "Retrofit delivery framework",
      outcome:
        "Bring 600 council homes up to at least EPC C by 2028 with measured cuts in bills and damp, and with the work done well the first time.",
      stage: "tender",
      category: "works",
      cpv: "45321000",
      value: 18_000_000,
      budgetSource: "Warm Homes social housing fund and the housing revenue account",
      method: "open",
      dates: {
        engagement: "2026-06-01",
        tender: "2026-10-19",
        award: "2027-02-26",
        start: "2027-04-01",
        end: "2031-03-31",
      },
      roadmapItems: ["Procure a retrofit delivery framework", "Retrofit wave 1: 600 homes"],
      clauses: ["B5b", "B5c"],
      check: {
        outcomes: yes("Paid on measured energy performance after the works."),
        openData: yes("Before-and-after energy data is the council's."),
        innovation: yes("Contractors can propose new measures on test homes."),
        interoperability: partly("Survey data in PAS 2035 formats; some contractors' systems differ."),
        exit: yes("A framework with call-offs by wave; no minimum volume."),
        smes: yes("Four lots by area so local builders can bid."),
      },
    },
    {
      title: "Housing condition data hub",
      outcome:
        "Know the condition of every council home from the data we already hold and the sensors we add, so repairs and retrofit go where they are needed most.",
      stage: "pipeline",
      category: "services",
      cpv: "72322000",
      value: 600_000,
      budgetSource: "Housing revenue account and a bid to the local digital fund",
      method: "innovation-partnership",
      dates: {
        engagement: "2027-01-11",
        tender: "2027-04-12",
        award: "2027-08-27",
        start: "2027-10-01",
        end: "2030-09-30",
      },
      roadmapItems: ["Housing condition data hub", "Damp and temperature sensors in 100 homes"],
      clauses: ["B13", "B14"],
      check: {
        outcomes: yes("The outcome is better-targeted repairs, measured over two years."),
        openData: yes("All data in the hub is the council's."),
        innovation: yes("An innovation partnership, so the hub is developed with us."),
        interoperability: partly("Must read the sensors we already have, whose data is closed."),
      },
    },
    {
      title: "Smart bins for the town centre",
      outcome: "Empty town centre litter bins only when they need it, and never let them overflow.",
      stage: "cancelled",
      category: "goods",
      cpv: "34928480",
      value: 95_000,
      budgetSource: "Waste services revenue budget",
      method: "open",
      dates: { tender: "2026-03-02" },
      roadmapItems: ["Smart bins trial in the town centre"],
      clauses: ["B5b"],
      check: {
        outcomes: partly("Specified as compacting bins; the trial showed savings too small for the cost."),
        openData: yes("Fill levels would have been published."),
      },
    },
  ],

  castlebridge: [
    {
      title: "Street lighting upgrade with remote dimming",
      outcome:
        "Reduce the energy and carbon of the city's street lighting by at least half while keeping streets safe at night: lights dimmed remotely after midnight, faults reported automatically, and columns ready for sensors.",
      stage: "pipeline",
      category: "works",
      cpv: "45316110",
      value: 3_900_000,
      budgetSource: "Invest-to-save borrowing repaid from energy savings",
      method: "competitive-flexible",
      dates: {
        engagement: "2026-09-21",
        tender: "2027-01-11",
        award: "2027-04-30",
        start: "2027-06-01",
        end: "2032-05-31",
      },
      roadmapItems: ["Dim main-road streetlights after midnight"],
      clauses: ["B5b", "B13"],
      check: {
        outcomes: yes("Energy and fault-repair targets, not lantern specifications."),
        openData: partly("Energy data is ours; fault data sits in the supplier's system."),
        innovation: partly("Open to sensor pilots on the columns."),
        interoperability: no(
          "The quickest route is extending the current supplier's own management system, which works with nothing else.",
        ),
        exit: partly("Not yet weighed against an open system."),
        smes: yes("Installation lots for local electrical contractors."),
      },
    },
    {
      title: "Twelve electric refuse collection vehicles",
      outcome:
        "Collect household waste with zero exhaust emissions on every round, at no higher whole-life cost than diesel trucks.",
      stage: "contract-live",
      category: "goods",
      cpv: "34144510",
      value: 4_300_000,
      budgetSource: "Fleet replacement capital programme",
      method: "framework-call-off",
      dates: { tender: "2026-06-08", award: "2026-09-25", start: "2026-11-02", end: "2034-11-01" },
      roadmapItems: ["First 12 electric refuse trucks", "Battery storage and chargers at the depot"],
      clauses: ["B5b"],
      check: {
        outcomes: partly("Specified as vehicles, with range and payload set by our longest rounds."),
        openData: partly("Telematics data is ours, but only through the manufacturer's portal."),
        innovation: partly("Battery second-life use at the depot to be explored."),
        interoperability: partly("Chargers are standard CCS; the vehicle software is the maker's."),
        exit: yes("Whole-life cost over eight years, battery replacement included, decided the award."),
        smes: no("Bought through a national vehicle framework."),
      },
    },
    {
      title: "Depot chargers and battery storage",
      outcome:
        "Charge the electric fleet overnight at the depot without a costly grid upgrade, storing solar power by day.",
      stage: "market-engagement",
      category: "works",
      cpv: "45315600",
      value: 1_250_000,
      budgetSource: "Fleet replacement capital programme and a grid innovation grant",
      method: "competitive-flexible",
      dates: {
        engagement: "2026-10-12",
        tender: "2027-01-18",
        award: "2027-04-16",
        start: "2027-06-01",
        end: "2028-03-31",
      },
      roadmapItems: ["Battery storage and chargers at the depot"],
      clauses: ["B5b", "B13"],
      check: {
        outcomes: yes("Every vehicle charged by 6am within the existing connection."),
        openData: yes("Energy data to the building energy management platform."),
        interoperability: yes("OCPP chargers and an open battery management interface."),
        exit: partly("Maintenance costs over the battery's life still being priced."),
        smes: yes("A local electrical firm may bid for the civils lot."),
      },
    },
    {
      title: "Shared customer contact platform for three councils",
      outcome:
        "Residents of Castlebridge and its two neighbours get one way of contacting their council, online or by phone, with most requests settled at the first contact.",
      stage: "tender",
      category: "services",
      cpv: "48445000",
      value: 2_600_000,
      budgetSource: "Shared service budget, split by population",
      method: "competitive-dialogue",
      dates: {
        engagement: "2026-02-09",
        tender: "2026-07-06",
        award: "2026-12-11",
        start: "2027-04-01",
        end: "2032-03-31",
      },
      roadmapItems: [
        "Shared customer contact platform for three councils",
        "Retire the three councils' old CRM systems",
      ],
      clauses: ["B5a", "B5b", "B10"],
      check: {
        outcomes: yes("Measured by requests resolved at first contact and residents' satisfaction."),
        openData: yes("All case data belongs to the councils, exportable at any time."),
        innovation: yes("Joint roadmap with the supplier; shared savings over the baseline."),
        interoperability: yes("Open APIs to the waste, housing and one-login systems."),
        exit: yes("Exit plan and full data export written into the contract."),
        smes: partly("Implementation partners may be small firms; the platform is not."),
      },
    },
    {
      title: "One login for residents of three councils",
      outcome:
        "Residents sign in once to use the services of any of the three councils, with their data kept private and shared only when they agree.",
      stage: "pipeline",
      category: "services",
      cpv: "72222300",
      value: 480_000,
      budgetSource: "Shared service budget",
      method: "framework-call-off",
      dates: { tender: "2027-02-08", award: "2027-04-09", start: "2027-06-01", end: "2030-05-31" },
      roadmapItems: ["One login for residents of the three councils"],
      clauses: ["B12", "B14"],
      check: {
        outcomes: yes("Sign-up rate and successful sign-ins are the measures."),
        openData: partly("Usage figures are ours; identity data stays with residents."),
        interoperability: yes("OpenID Connect, so any service can use it."),
        exit: partly("Moving would mean residents re-verifying; still being weighed."),
      },
    },
    {
      title: "Civic quarter heat network: design, build, operate and maintain",
      outcome:
        "Heat the civic quarter's public buildings and 400 new homes with low-carbon heat at a price no higher than gas, for at least 25 years.",
      stage: "contract-live",
      category: "works",
      cpv: "45232140",
      value: 14_500_000,
      budgetSource: "Green Heat Network Fund and prudential borrowing",
      method: "competitive-dialogue",
      dates: { award: "2026-03-27", start: "2026-05-05", end: "2046-05-04" },
      roadmapItems: ["Civic quarter heat network, phase 1", "Heat network phase 2: hospital and university"],
      clauses: ["B5b", "B13"],
      check: {
        outcomes: yes("Paid on heat delivered, carbon intensity and availability."),
        openData: yes("Metered heat and carbon data published quarterly."),
        innovation: yes("The operator may connect new customers and share the revenue."),
        interoperability: partly("Standard heat interface units; the control system is proprietary."),
        exit: yes("Step-in rights and the network returns to the council at the end."),
        smes: partly("Local firms on the civil works through the contractor's supply chain."),
      },
    },
    {
      title: "Building energy management platform",
      outcome:
        "See and control the energy use of all 120 council buildings in one place, and cut it by a fifth in three years.",
      stage: "tender",
      category: "services",
      cpv: "71314200",
      value: 540_000,
      budgetSource: "Salix public sector decarbonisation funding",
      method: "open",
      dates: {
        engagement: "2026-07-13",
        tender: "2026-11-09",
        award: "2027-02-12",
        start: "2027-04-01",
        end: "2031-03-31",
      },
      roadmapItems: ["Building energy management platform", "Publish energy use of council buildings"],
      clauses: ["B5b", "B14"],
      check: {
        outcomes: yes("Paid partly on measured energy savings."),
        openData: yes("Building energy data published monthly."),
        innovation: partly("Supplier must work with the heat network operator."),
        interoperability: yes("BACnet and an open API; existing controllers must be supported."),
        exit: yes("Data export and controller access kept by the council."),
        smes: yes("Open procedure with no turnover threshold above the contract value."),
      },
    },
    {
      title: "Solar panels on 40 public buildings",
      outcome:
        "Generate a quarter of the electricity used by 40 schools, libraries and offices on their own roofs.",
      stage: "awarded",
      category: "works",
      cpv: "45261215",
      value: 2_200_000,
      budgetSource: "Public sector decarbonisation scheme",
      method: "framework-call-off",
      dates: { tender: "2026-07-20", award: "2026-10-23", start: "2027-01-11", end: "2027-12-17" },
      roadmapItems: ["Solar panels on 40 public buildings"],
      clauses: ["B13"],
      check: {
        outcomes: partly("Generation targets set per building; panel types left to the installer."),
        openData: partly("Generation data comes through the inverter maker's portal for now."),
        interoperability: yes("Inverters must support Modbus and SunSpec."),
        exit: yes("Panels and inverters are owned by the council."),
        smes: yes("Regional installers on the framework."),
      },
    },
    {
      title: "Fill-level sensors for 300 communal bins",
      outcome:
        "Collect communal bins when they are nearly full rather than on a fixed day, with fewer overflowing bins and fewer wasted trips.",
      stage: "closed",
      category: "goods",
      cpv: "38430000",
      value: 48_000,
      budgetSource: "Waste services revenue budget",
      method: "direct-award",
      dates: { award: "2026-01-09", start: "2026-01-26", end: "2026-10-30" },
      roadmapItems: [
        "Fill-level sensors on 300 communal bins",
        "Collection routes planned from bin sensor data",
      ],
      clauses: ["B5b"],
      check: {
        outcomes: yes("Measured by overflow reports and collection miles."),
        openData: yes("Fill levels published during the trial."),
        interoperability: yes("LoRaWAN sensors, readable by any network server."),
        exit: yes("A one-year trial; sensors kept by the council."),
        smes: yes("A local start-up supplied the sensors."),
      },
    },
    {
      title: "Local energy trading pilot",
      outcome:
        "Let public buildings, the heat network and nearby homes share locally generated electricity, and show whether it lowers bills and carbon.",
      stage: "idea",
      category: "services",
      value: 300_000,
      budgetSource: "Bid to the local energy innovation programme",
      method: "innovation-partnership",
      dates: { tender: "2028-01-17", award: "2028-06-30", start: "2028-09-01", end: "2030-08-31" },
      roadmapItems: ["Local energy trading pilot"],
      clauses: ["B5c", "B13"],
      check: {
        outcomes: yes("The pilot's question is the outcome: lower bills and carbon."),
        innovation: yes("An innovation partnership with the university and the distribution network."),
      },
    },
    {
      title: "Pay-as-you-throw bin tags",
      outcome: "Reward households that throw away less by charging for general waste by the bag.",
      stage: "withdrawn",
      category: "goods",
      cpv: "34928480",
      value: 120_000,
      budgetSource: "Waste services revenue budget",
      method: "undecided",
      dates: { engagement: "2026-03-09" },
      roadmapItems: ["Pay-as-you-throw trial"],
      clauses: ["B5b"],
      check: {
        outcomes: partly("Withdrawn when cabinet paused the trial for further consultation."),
      },
    },
  ],
};

/**
 * A demo city's pipeline as a board, its roadmap items resolved by title to the city's roadmap
 * rows. A title that is not on the roadmap is a mistake in the demo data.
 */
export function buildDemoPipeline(
  opportunities: readonly DemoOpportunity[],
  roadmapItems: ReadonlyMap<string, string>,
): Y.Doc {
  const ydoc = new Y.Doc();
  for (const opportunity of opportunities) {
    const check: SmartCheck = opportunity.check;
    insertRow(ydoc, PIPELINE, {
      values: {
        title: opportunity.title,
        outcome: opportunity.outcome,
        stage: opportunity.stage,
        category: opportunity.category,
        cpv: opportunity.cpv ?? "",
        value: opportunity.value,
        currency: "GBP",
        budgetSource: opportunity.budgetSource,
        method: opportunity.method,
        engagementDate: opportunity.dates.engagement ?? null,
        tenderDate: opportunity.dates.tender ?? null,
        awardDate: opportunity.dates.award ?? null,
        contractStart: opportunity.dates.start ?? null,
        contractEnd: opportunity.dates.end ?? null,
        roadmapItems: opportunity.roadmapItems.map((title) => {
          const id = roadmapItems.get(title);
          if (!id) throw new Error(`A demo opportunity links "${title}", which is not on the roadmap`);
          return { type: "roadmapItem", id, title };
        }),
        clauses: opportunity.clauses,
        check,
      },
    });
  }
  return ydoc;
}

/** Stores a demo city's pipeline as its board's first snapshot, and projects it; the roadmap must be there. */
export async function seedDemoPipeline(
  trx: Transaction<Database>,
  args: { cityId: string; slug: string },
): Promise<void> {
  const opportunities = DEMO_PIPELINES[args.slug];
  if (!opportunities) return;
  const roadmap = await findCityBoard(trx, { cityId: args.cityId, kind: "roadmap" });
  const items = await listBoardRows(trx, { documentId: roadmap.id });
  const pipeline = await findCityBoard(trx, { cityId: args.cityId, kind: "pipeline" });
  const ydoc = buildDemoPipeline(
    opportunities,
    new Map(
      items.flatMap((row) =>
        typeof row.data.title === "string" ? [[row.data.title, row.rowId] as const] : [],
      ),
    ),
  );
  await storeNewBoard(trx, { documentId: pipeline.id, kind: "pipeline", ydoc });
}
