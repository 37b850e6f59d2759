import { describe, expect, it } from "vitest";
import {
  axisTicks,
  barSpan,
  createScale,
  dayAt,
  dayOf,
  daysToShow,
  dependencyLinks,
  dependencyPath,
  formatDateRange,
  formatDay,
  GROUP_HEADER_HEIGHT,
  isoOfDay,
  LANE_HEIGHT,
  layoutLanes,
  MIN_BAR_WIDTH,
  periodStart,
  rowsInBand,
  todayDay,
  xOf,
  type TimelineEntry,
} from "../../../../app/components/board/timeline-scale";
import { PHASES } from "../../../../shared/boards/roadmap";

function buildEntry(
  overrides: Partial<Omit<TimelineEntry, "start" | "end">> & { start?: string | null; end?: string | null },
) {
  const { start = "2026-03-01", end = "2026-04-30", ...rest } = overrides;
  return {
    id: "item",
    title: "Bus priority",
    phase: "PLAN",
    status: "planned",
    quickWin: false,
    milestone: false,
    checkpoints: [],
    dependsOn: [],
    ...rest,
    start: start === null ? null : dayOf(start),
    end: end === null ? null : dayOf(end),
  } satisfies TimelineEntry;
}

describe("days", () => {
  it("counts calendar days from 1970 and back", () => {
    expect(dayOf("1970-01-02")).toBe(1);
    expect(isoOfDay(dayOf("2026-10-25"))).toBe("2026-10-25");
    expect(dayOf("2026-03-01") - dayOf("2026-02-28")).toBe(1);
  });

  it("reads today in the user's own calendar", () => {
    expect(isoOfDay(todayDay(new Date(2026, 0, 31, 23, 30)))).toBe("2026-01-31");
  });

  it("writes dates and ranges in words", () => {
    expect(formatDay(dayOf("2026-09-03"))).toBe("3 Sep 2026");
    expect(formatDateRange("2026-03-03", "2026-06-30")).toBe("3 Mar – 30 Jun 2026");
    expect(formatDateRange("2025-11-01", "2026-06-30")).toBe("1 Nov 2025 – 30 Jun 2026");
    expect(formatDateRange("2026-03-03", null)).toBe("From 3 Mar 2026");
    expect(formatDateRange(undefined, "2026-06-30")).toBe("Until 30 Jun 2026");
    expect(formatDateRange(null, null)).toBe("");
  });
});

describe("scale", () => {
  it("starts a period before the earliest day and ends a period after the latest", () => {
    const scale = createScale([dayOf("2026-03-15"), dayOf("2026-05-02")], "month")!;
    expect(isoOfDay(scale.from)).toBe("2026-02-01");
    expect(isoOfDay(scale.to)).toBe("2026-07-01");
    expect(scale.width).toBe((scale.to - scale.from) * 4);
    expect(xOf(scale, scale.from)).toBe(0);
    expect(dayAt(scale, xOf(scale, dayOf("2026-04-10")) + 1)).toBe(dayOf("2026-04-10"));
  });

  it("snaps to quarters when zoomed out", () => {
    const scale = createScale([dayOf("2026-05-15")], "quarter")!;
    expect(isoOfDay(periodStart(dayOf("2026-05-15"), "quarter"))).toBe("2026-04-01");
    expect(isoOfDay(scale.from)).toBe("2026-01-01");
    expect(isoOfDay(scale.to)).toBe("2026-10-01");
  });

  it("has nothing to show without days", () => {
    expect(createScale([], "month")).toBeNull();
  });

  it("draws a bar over every day of an item, never thinner than a click target", () => {
    const scale = createScale([dayOf("2026-03-01")], "month")!;
    const bar = barSpan(scale, dayOf("2026-03-01"), dayOf("2026-03-10"));
    expect(bar).toEqual({ x: xOf(scale, dayOf("2026-03-01")), width: 40 });
    const quarter = createScale([dayOf("2026-03-01")], "quarter")!;
    expect(barSpan(quarter, dayOf("2026-03-01"), dayOf("2026-03-01")).width).toBe(MIN_BAR_WIDTH);
  });
});

describe("axis ticks", () => {
  it("labels months, with the year on January and on the first tick", () => {
    const scale = createScale([dayOf("2025-12-10"), dayOf("2026-01-20")], "month")!;
    const ticks = axisTicks(scale);
    expect(ticks.map((tick) => tick.label)).toEqual(["Nov 2025", "Dec", "Jan 2026", "Feb"]);
    expect(ticks.map((tick) => tick.yearStart)).toEqual([false, false, true, false]);
    expect(ticks[1]!.x).toBe(30 * 4);
    expect(ticks[1]!.width).toBe(31 * 4);
  });

  it("labels quarters with their year", () => {
    const scale = createScale([dayOf("2026-02-10")], "quarter")!;
    expect(axisTicks(scale).map((tick) => tick.label)).toEqual(["Q4 2025", "Q1 2026", "Q2 2026"]);
  });
});

describe("lanes", () => {
  it("groups dated items by phase, quick wins first, and lists the rest as undated", () => {
    const entries = [
      buildEntry({ id: "deliver", phase: "DELIVER" }),
      buildEntry({ id: "plan-1", phase: "PLAN" }),
      buildEntry({ id: "no-end", phase: "PLAN", end: null }),
      buildEntry({ id: "plan-quick", phase: "PLAN", quickWin: true }),
      buildEntry({ id: "no-dates", phase: "PLAN", start: null, end: null }),
      buildEntry({ id: "lost", phase: null }),
    ];
    const layout = layoutLanes(entries, PHASES);
    expect(layout.groups.map((group) => [group.label, group.lanes.map((lane) => lane.entry.id)])).toEqual([
      ["Plan", ["plan-quick", "plan-1"]],
      ["Deliver", ["deliver"]],
      ["No phase", ["lost"]],
    ]);
    expect(layout.undated.map((entry) => entry.id)).toEqual(["no-end", "no-dates"]);
    expect(layout.groups.map((group) => group.y)).toEqual([
      0,
      GROUP_HEADER_HEIGHT + 2 * LANE_HEIGHT,
      2 * GROUP_HEADER_HEIGHT + 3 * LANE_HEIGHT,
    ]);
    expect(layout.laneOf.get("plan-1")!.y).toBe(GROUP_HEADER_HEIGHT + LANE_HEIGHT);
    expect(layout.height).toBe(3 * GROUP_HEADER_HEIGHT + 4 * LANE_HEIGHT);
  });

  it("draws only the headings and lanes that overlap a band", () => {
    const entries = Array.from({ length: 100 }, (_, index) =>
      buildEntry({ id: `item-${index}`, phase: index < 50 ? "PLAN" : "DELIVER" }),
    );
    const layout = layoutLanes(entries, PHASES);
    expect(layout.lanes).toHaveLength(100);
    const deliver = layout.groups[1]!;
    const around = rowsInBand(layout, deliver.y - 10, deliver.y + GROUP_HEADER_HEIGHT + LANE_HEIGHT + 1);
    expect(around.groups.map((group) => group.label)).toEqual(["Deliver"]);
    expect(around.lanes.map((lane) => lane.entry.id)).toEqual(["item-49", "item-50", "item-51"]);
    expect(rowsInBand(layout, 0, layout.height).lanes).toHaveLength(100);
    expect(rowsInBand(layout, layout.height, layout.height + 500).lanes).toEqual([]);
  });

  it("shows every date of the dated items and today", () => {
    const layout = layoutLanes(
      [
        buildEntry({
          id: "a",
          start: "2026-03-01",
          end: "2026-04-30",
          checkpoints: [{ day: dayOf("2026-06-01"), label: "Review" }],
        }),
        buildEntry({ id: "b", start: "2020-01-01", end: null }),
      ],
      PHASES,
    );
    expect(daysToShow(layout, dayOf("2026-01-01")).map(isoOfDay)).toEqual([
      "2026-03-01",
      "2026-04-30",
      "2026-06-01",
      "2026-01-01",
    ]);
    expect(daysToShow(layoutLanes([], PHASES), dayOf("2026-01-01"))).toEqual([]);
  });
});

describe("dependency arrows", () => {
  it("go straight on when there is room, and turn back along the lane's edge when not", () => {
    expect(dependencyPath(100, 22, 200, 110)).toBe("M100 22H108V110H200");
    expect(dependencyPath(100, 22, 60, 110)).toBe(`M100 22H108V${110 - LANE_HEIGHT / 2}H52V110H60`);
    expect(dependencyPath(100, 110, 60, 22)).toBe(`M100 110H108V${22 + LANE_HEIGHT / 2}H52V22H60`);
  });

  it("join a prerequisite's end to its dependent's start and flag those out of order", () => {
    const layout = layoutLanes(
      [
        buildEntry({ id: "survey", start: "2026-01-01", end: "2026-02-28" }),
        buildEntry({ id: "trial", start: "2026-03-01", end: "2026-05-31", dependsOn: ["survey"] }),
        buildEntry({
          id: "rollout",
          start: "2026-05-01",
          end: "2026-09-30",
          dependsOn: ["trial", "gone", "undated"],
        }),
        buildEntry({ id: "undated", start: null, end: null }),
      ],
      PHASES,
    );
    const scale = createScale(daysToShow(layout, null), "month")!;
    const links = dependencyLinks(layout, scale);
    expect(links.map((link) => [link.from.entry.id, link.to.entry.id, link.conflict])).toEqual([
      ["survey", "trial", false],
      ["trial", "rollout", true],
    ]);
    const survey = layout.laneOf.get("survey")!;
    const trial = layout.laneOf.get("trial")!;
    const x1 = xOf(scale, dayOf("2026-03-01"));
    expect(links[0]!.path).toBe(
      dependencyPath(
        x1,
        survey.y + LANE_HEIGHT / 2,
        xOf(scale, dayOf("2026-03-01")),
        trial.y + LANE_HEIGHT / 2,
      ),
    );
  });
});
