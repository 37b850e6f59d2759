import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { exportRoadmapCsv, importRoadmapCsv } from "../../../server/boards/commands";
import { CSV_MAX_ROWS, parseRoadmapCsv, type OwnerCandidate } from "../../../server/boards/csv";
import { CollabHub } from "../../../server/collab/hub";
import { loadStoredState, UpdateStore } from "../../../server/collab/persistence";
import { DomainError } from "../../../server/errors";
import { createLogger } from "../../../server/logger";
import { readBoard } from "../../../shared/boards/model";
import { ROADMAP } from "../../../shared/boards/roadmap";
import { useTestDatabase } from "../../support/database";
import { buildMembership } from "../../support/factories";
import { buildCityWithRoadmap, buildRoadmapDoc, storeBoard } from "./support";

const database = useTestDatabase();

/** A collaboration hub without a server, as routes reach it; closed by the test that opens it. */
function openHub(): CollabHub {
  const logger = createLogger("silent");
  return new CollabHub(database.handle.db, new UpdateStore(database.handle.db, logger), logger, {
    versionAfterQuietMs: 3_600_000,
  });
}

const HEADER =
  "ID,Title,Description,Phase,Status,Owner,Start,End,Quick win,Cost (£),Risk,SCF clauses,Depends on,Milestone,Checkpoints";

const bytes = (text: string) => new TextEncoder().encode(text);

const members: OwnerCandidate[] = [
  { userId: "5d1b7a4e-8f0c-4a57-9c43-2b6f1d9e0a11", name: "Amara Okafor", email: "amara@aldermoor.example" },
];

/** The reason a file is refused as a whole: a validation error on the file field. */
function fileProblem(text: string | Uint8Array, fileName = "roadmap.csv"): string {
  try {
    parseRoadmapCsv(typeof text === "string" ? bytes(text) : text, { fileName, members });
  } catch (error) {
    if (error instanceof DomainError) return error.fields.file ?? error.message;
    throw error;
  }
  throw new Error("the file was accepted");
}

/** A CSV file's cells with every row id replaced by the number of the row that has it. */
function withoutIds(csv: string): string[][] {
  const [header, ...rows] = Papa.parse<string[]>(csv.replace(/^\ufeff/, ""), { skipEmptyLines: true }).data;
  const numbers = new Map(rows.map((row, index) => [row[0]!, `#${index + 1}`]));
  const dependsOn = header!.indexOf("Depends on");
  return [
    header!,
    ...rows.map((row) =>
      row.map((cell, column) => {
        if (column === 0) return numbers.get(cell)!;
        if (column !== dependsOn || cell === "") return cell;
        return cell
          .split("; ")
          .map((id) => numbers.get(id) ?? id)
          .join("; ");
      }),
    ),
  ];
}

describe("roadmap CSV", () => {
  it("round-trips a roadmap through export and import into another city", async () => {
    const { db } = database.handle;
    const home = await buildCityWithRoadmap(db);
    const other = await buildCityWithRoadmap(db);
    const lead = home.members.lead;
    await buildMembership(db, { cityId: other.city.id, userId: lead.id, role: "editor" });
    const { ydoc, ids } = buildRoadmapDoc([
      {
        title: "Smart street lighting",
        description: 'Replace 4,000 lanterns.\nDim them after midnight, "where it is safe".',
        phase: "DELIVER",
        status: "in-progress",
        owner: { type: "member", userId: lead.id, name: lead.name },
        start: "2026-02-01",
        end: "2026-11-30",
        quickWin: true,
        cost: 1_250_000.5,
        risk: "high",
        clauses: ["B8", "B4c", "D"],
        milestone: false,
        checkpoints: [
          { date: "2026-05-01", label: "Pilot street review" },
          { date: "2026-09-01", label: "Energy savings check" },
        ],
      },
      {
        title: '=HYPERLINK("http://example.com")',
        phase: "PLAN",
        status: "proposed",
        owner: { type: "partner", name: "Brightway Lighting Ltd" },
        milestone: true,
      },
      { title: "Citizen data charter", phase: "TRANSFORM", status: "done", risk: "low", cost: 0 },
    ]);
    ydoc.transact(() => {
      const rows = ydoc.getMap<Y.Map<unknown>>("rows");
      rows.get(ids[0]!)!.set("dependsOn", [ids[1], ids[2]]);
      rows.get(ids[2]!)!.set("dependsOn", [ids[1]]);
    });
    await storeBoard(db, home.roadmapId, ydoc);

    const exported = await exportRoadmapCsv(db, { cityId: home.city.id });
    expect(exported.startsWith(`\ufeff${HEADER}\r\n`)).toBe(true);
    expect(exported).toContain("'=HYPERLINK");
    expect(exported).toContain("2026-05-01 Pilot street review; 2026-09-01 Energy savings check");

    const hub = openHub();
    const report = await importRoadmapCsv(db, {
      cityId: other.city.id,
      userId: lead.id,
      hub,
      file: { bytes: bytes(exported), name: `${home.city.slug}-roadmap.csv` },
    });
    await hub.close();
    expect(report).toEqual({ imported: 3, rejectedRows: 0, problems: [], ignoredColumns: [] });

    const again = await exportRoadmapCsv(db, { cityId: other.city.id });
    expect(withoutIds(again)).toEqual(withoutIds(exported));

    const imported = new Y.Doc();
    Y.applyUpdate(imported, await loadStoredState(db, other.roadmapId));
    const rows = readBoard(imported, ROADMAP);
    expect(rows.map((row) => row.errors)).toEqual([{}, {}, {}]);
    expect(rows[0]!.valid.owner).toEqual({ type: "member", userId: lead.id, name: lead.name });
    expect(rows[0]!.valid.dependsOn).toEqual([rows[1]!.id, rows[2]!.id]);
    expect(rows.map((row) => row.id)).not.toContain(ids[0]);
  });

  it("reads labels or values in any case, Yes and No, UK dates, loose clause lists and owners", () => {
    const csv = [
      "title,PHASE,status,owner,start,end,quick win,cost,risk,clauses,milestone,checkpoints,Notes",
      'Bus lanes,deliver,IN PROGRESS,AMARA@aldermoor.example,01/04/2026,2026-09-30,yes,"£12,500",Medium,b8;b4C  d,no,30/06/2026 First review,ignored',
      "Air quality sensors,Consolidate,done,amara okafor,,,,,,,,,",
      "Depot,Plan,proposed,Harbour Trust,,,,,,,,,",
    ].join("\n");
    const parsed = parseRoadmapCsv(bytes(csv), { members });
    expect(parsed.problems).toEqual([]);
    expect(parsed.ignoredColumns).toEqual(["Notes"]);
    const [lanes, sensors, depot] = parsed.items.map((item) => item.values);
    expect(lanes).toEqual({
      title: "Bus lanes",
      phase: "DELIVER",
      status: "in-progress",
      owner: { type: "member", userId: members[0]!.userId, name: "Amara Okafor" },
      start: "2026-04-01",
      end: "2026-09-30",
      quickWin: true,
      cost: 12_500,
      risk: "medium",
      clauses: ["B8", "B4c", "D"],
      milestone: false,
      checkpoints: [{ date: "2026-06-30", label: "First review" }],
    });
    expect(sensors!.owner).toEqual({ type: "member", userId: members[0]!.userId, name: "Amara Okafor" });
    expect(depot!.owner).toEqual({ type: "partner", name: "Harbour Trust" });
  });

  it("reads files saved with semicolons or in the Windows code page", () => {
    const semicolons = parseRoadmapCsv(bytes("Title;Phase;Cost (£)\nDepot;Plan;1200\n"), { members });
    expect(semicolons.items.map((item) => item.values)).toEqual([
      { title: "Depot", phase: "PLAN", cost: 1200 },
    ]);
    // The pound signs as the single byte 0xA3.
    const windows = new Uint8Array([
      ...bytes("Title,Cost ("),
      0xa3,
      ...bytes(")\nDepot,"),
      0xa3,
      ...bytes("900\n"),
    ]);
    expect(parseRoadmapCsv(windows, { members }).items.map((item) => item.values)).toEqual([
      { title: "Depot", cost: 900 },
    ]);
  });

  it("leaves out each row with an invalid value and says where and why", () => {
    const csv = [
      HEADER,
      "r1,Open data portal,,Deliver,Planned,,,,,,,,,,",
      "r2,Hydrogen buses,,Someday,Planned,,,,,,,,,,",
      "r3,Flood sensors,,Plan,Planned,,2026-02-30,,,,,,,,",
      "r4,Heat network,,Plan,Planned,,2026-09-01,2026-03-01,,,,,,,",
      "r5,,A row without a title,Plan,Planned,,,,,,,,,,",
      "r6,Digital twin,,Plan,Planned,,,,,,,,r1; r99,,",
      "r7,Twin dashboards,,Plan,Planned,,,,,,,,r2,,",
      "r8,Skills academy,,Plan,Planned,,,,maybe,lots,,,,,",
      "r9,Open data week,,Initiate,Done,,,,,,,,r1,,",
    ].join("\r\n");
    const parsed = parseRoadmapCsv(bytes(csv), { members });
    expect(parsed.items.map((item) => item.values.title)).toEqual(["Open data portal", "Open data week"]);
    expect(parsed.items[1]!.values.dependsOn).toEqual([parsed.items[0]!.id]);
    expect(parsed.rejectedRows).toBe(7);
    expect(parsed.problems).toEqual([
      {
        row: 3,
        column: "Phase",
        reason: "“Someday” is not a phase: use Plan, Initiate, Deliver, Consolidate or Transform",
      },
      { row: 4, column: "Start", reason: "That date does not exist" },
      { row: 5, column: "End", reason: "The end comes before the start" },
      { row: 6, column: "Title", reason: "Give the item a title" },
      { row: 7, column: "Depends on", reason: "No row of the file has the ID “r99”" },
      { row: 8, column: "Depends on", reason: "It depends on row 3, which cannot be imported" },
      { row: 9, column: "Quick win", reason: "Use Yes or No, not “maybe”" },
      { row: 9, column: "Cost (£)", reason: "Enter an amount in pounds, such as 25000, not “lots”" },
    ]);
  });

  it("reports repeated IDs and an item that depends on itself", () => {
    const csv = ["ID,Title,Depends on", "a,First,", "a,Second,", "b,Third,b"].join("\n");
    expect(parseRoadmapCsv(bytes(csv), { members }).problems).toEqual([
      { row: 3, column: "ID", reason: "Row 2 already has the ID “a”" },
      { row: 4, column: "Depends on", reason: "An item cannot depend on itself" },
    ]);
  });

  it("refuses a file it cannot import at all, with a reason", () => {
    expect(fileProblem("")).toMatch(/empty/);
    expect(fileProblem("Name,Phase\nDepot,Plan\n")).toMatch(/no Title column/);
    expect(fileProblem(`${HEADER}\r\n`)).toMatch(/no items/);
    expect(fileProblem('Title\n"Depot\n')).toMatch(/not valid CSV/);
    expect(
      fileProblem(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00]), "roadmap.bin"),
    ).toMatch(/not a CSV file/);
    expect(fileProblem("Title\nDepot\n", "roadmap.xlsx")).toMatch(/spreadsheet file/);
    expect(fileProblem(`Title,Description\nDepot,${"x".repeat(2 * 1024 * 1024)}\n`)).toMatch(
      /larger than 2 MB/,
    );
    const rows = Array.from({ length: CSV_MAX_ROWS + 1 }, (_, index) => `Item ${index}`);
    expect(fileProblem(["Title", ...rows].join("\n"))).toMatch(/more than 5,000 items/);
    expect(() => parseRoadmapCsv(bytes(["Title", ...rows.slice(1)].join("\n")), { members })).not.toThrow();
  });
});
