/**
 * Roadmap board benchmark: how fast a roadmap of 1,000 items opens in Chromium, how soon one user's
 * change shows for another, and how long the SQL projection of 1,000 rows takes.
 *
 *   npm run bench:boards [-- --items 1000] [--runs 5] [--json FILE]
 *
 * Starts the real workspace in this process on a fresh embedded database (seeded with the demo
 * cities), fills Aldermoor's roadmap with generated items and drives Debian's Chromium.
 */
import fs from "node:fs";
import { parseArgs } from "node:util";
import type { Page } from "playwright-core";
import * as Y from "yjs";
import { findCityBySlug } from "../../db/repositories/cities";
import { insertRow, orderedRows, readBoard, rowsOf, setCell } from "../../shared/boards/model";
import { PHASES, ROADMAP, STATUSES } from "../../shared/boards/roadmap";
import { findCityBoard } from "../../server/boards/commands";
import { projectBoard } from "../../server/boards/projection";
import { loadStoredState } from "../../server/collab/persistence";
import { DEMO_PASSWORD } from "../../server/demo";
import { launchBrowser } from "../e2e/support/browser";
import { startE2EWorkspace } from "../e2e/support/workspace";
import { median, seededRandom } from "./lib/stats";

const { values: options } = parseArgs({
  options: {
    items: { type: "string", default: "1000" },
    runs: { type: "string", default: "5" },
    json: { type: "string" },
  },
});
const ITEMS = Number(options.items);
const RUNS = Number(options.runs);
const VIEWS = ["board", "timeline", "list"] as const;

/** A plausible item: every field filled, dates over three years, some quick wins and dependencies. */
function fillRoadmap(doc: Y.Doc, count: number): void {
  const random = seededRandom(8);
  const ids: string[] = [];
  doc.transact(() => {
    for (const [id] of [...rowsOf(doc)]) rowsOf(doc).delete(id);
    for (let index = 0; index < count; index++) {
      const start = new Date(Date.UTC(2025, 0, 1) + Math.floor(random() * 1000) * 86_400_000);
      const end = new Date(start.getTime() + (30 + Math.floor(random() * 400)) * 86_400_000);
      const previous = ids.length > 0 && random() < 0.3 ? [ids[Math.floor(random() * ids.length)]!] : [];
      ids.push(
        insertRow(doc, ROADMAP, {
          values: {
            title: `Item ${index + 1}: ${["sensor network", "open data", "bus priority", "retrofit"][index % 4]}`,
            description: "A generated item for the benchmark.",
            phase: PHASES[index % PHASES.length]!.value,
            status: STATUSES[Math.floor(random() * STATUSES.length)]!.value,
            owner: { type: "partner", name: `Partner ${index % 17}` },
            start: start.toISOString().slice(0, 10),
            end: end.toISOString().slice(0, 10),
            quickWin: random() < 0.1,
            cost: Math.round(random() * 500) * 1000,
            risk: (["low", "medium", "high"] as const)[index % 3],
            clauses: ["B8"],
            dependsOn: previous,
            milestone: random() < 0.05,
            checkpoints: [],
          },
        }),
      );
    }
  });
}

/** Milliseconds from navigation start until the page marked the board ready to edit. */
async function openRoadmap(page: Page, view: string): Promise<number> {
  await page.goto(`/c/aldermoor/roadmap?view=${view}`);
  await page.locator('[data-testid="roadmap"][data-ready="true"]').waitFor({ timeout: 60_000 });
  return page.evaluate(() => {
    const mark = performance.getEntriesByName("scf:board-ready")[0];
    if (!mark) throw new Error("the page did not mark the board ready");
    return mark.startTime;
  });
}

function figures(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: median(sorted), min: sorted[0]!, max: sorted.at(-1)! };
}

const fmt = (value: number) => value.toFixed(1).padStart(8);

async function main(): Promise<void> {
  const started = await startE2EWorkspace();
  const browser = await launchBrowser();
  const results: Record<string, unknown> = { items: ITEMS, runs: RUNS };
  try {
    const { db } = started.workspace.services;
    const hub = started.workspace.services.collabHub!;
    const city = await findCityBySlug(db, { slug: "aldermoor" });
    const roadmap = await findCityBoard(db, { cityId: city!.id, kind: "roadmap" });
    await hub.change(roadmap.id, null, (doc) => fillRoadmap(doc, ITEMS));
    console.log(
      `roadmap of ${ITEMS} items in Aldermoor; ${RUNS} runs per figure; Chromium ${browser.version()}`,
    );

    const signedIn = async (email: string) => {
      const context = await browser.newContext({
        baseURL: started.url,
        viewport: { width: 1280, height: 900 },
      });
      const page = await context.newPage();
      await page.goto("/login");
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Password").fill(DEMO_PASSWORD);
      await page.getByRole("button", { name: "Sign in" }).click();
      await page.waitForURL((url) => url.pathname !== "/login");
      return { context, page };
    };

    // Opening: a fresh browser profile each run (nothing cached in IndexedDB), then the same page again.
    const open: Record<string, { cold: number[]; warm: number[] }> = {};
    for (const view of VIEWS) {
      open[view] = { cold: [], warm: [] };
      for (let run = 0; run < RUNS; run++) {
        const { context, page } = await signedIn("amara@aldermoor.example");
        open[view].cold.push(await openRoadmap(page, view));
        open[view].warm.push(await openRoadmap(page, view));
        await context.close();
      }
    }
    console.log("\nopen, render and ready to edit (navigation start → board ready), ms");
    console.log("  view          cold median   min      max  | warm median   min      max");
    for (const view of VIEWS) {
      const cold = figures(open[view]!.cold);
      const warm = figures(open[view]!.warm);
      console.log(
        `  ${view.padEnd(10)} ${fmt(cold.median)} ${fmt(cold.min)} ${fmt(cold.max)}  | ${fmt(warm.median)} ${fmt(warm.min)} ${fmt(warm.max)}`,
      );
    }
    results.open = Object.fromEntries(
      VIEWS.map((view) => [view, { cold: figures(open[view]!.cold), warm: figures(open[view]!.warm) }]),
    );

    // A change by one user (the list view, typed into a title cell) showing on another's board.
    const editor = await signedIn("amara@aldermoor.example");
    const watcher = await signedIn("ben@partners.example");
    await openRoadmap(editor.page, "list");
    await openRoadmap(watcher.page, "board");
    const stored = new Y.Doc();
    Y.applyUpdate(stored, await loadStoredState(db, roadmap.id));
    const target = orderedRows(stored)[0]!.id;
    const latencies: number[] = [];
    for (let run = 0; run < RUNS * 4; run++) {
      const title = `Renamed ${run}`;
      // No named functions inside: the page does not have the helpers tsx adds around them.
      await watcher.page.evaluate(
        ([id, expected]) => {
          const marks = window as unknown as { seenAt?: number };
          marks.seenAt = undefined;
          const observer = new MutationObserver(() => {
            const card = document.querySelector(`[data-testid="card-${id}"]`);
            if (!card?.textContent?.includes(expected!)) return;
            observer.disconnect();
            marks.seenAt = performance.timeOrigin + performance.now();
          });
          observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        },
        [target, title],
      );
      await editor.page.locator(`[data-testid="row-${target}"] [data-field="title"] button`).click();
      const input = editor.page.locator(`[data-testid="row-${target}"] [data-field="title"] input`);
      await input.fill(title);
      // The moment the Enter key reaches the page, in the same clock as the watcher's.
      await input.evaluate((element) =>
        element.addEventListener(
          "keydown",
          () => {
            (window as unknown as { sentAt?: number }).sentAt = performance.timeOrigin + performance.now();
          },
          { once: true, capture: true },
        ),
      );
      await input.press("Enter");
      const seen = (await watcher.page.waitForFunction(
        () => (window as unknown as { seenAt?: number }).seenAt,
      )) as unknown as { jsonValue(): Promise<number> };
      const seenAt = await seen.jsonValue();
      const sentAt = await editor.page.evaluate(() => (window as unknown as { sentAt?: number }).sentAt!);
      latencies.push(seenAt - sentAt);
    }
    const change = figures(latencies);
    console.log(
      `\na title typed in one user's list → shown on another user's board, ms: median ${change.median.toFixed(1)}, ` +
        `min ${change.min.toFixed(1)}, max ${change.max.toFixed(1)} (${latencies.length} changes)`,
    );
    results.change = change;

    // The projection into SQL, for 1,000 rows: first write, an unchanged board, ten rows changed.
    const doc = new Y.Doc();
    fillRoadmap(doc, ITEMS);
    const time = async (what: string, task: () => Promise<unknown>) => {
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        const begun = performance.now();
        await task();
        samples.push(performance.now() - begun);
      }
      const summary = figures(samples);
      console.log(`  ${what.padEnd(40)} ${fmt(summary.median)} ${fmt(summary.min)} ${fmt(summary.max)}`);
      return summary;
    };
    console.log(`\nprojection of ${ITEMS} rows into SQL (embedded PGlite), ms: median, min, max`);
    const documentId = roadmap.id;
    const project = () => projectBoard(db, { documentId, kind: "roadmap", ydoc: doc });
    results.projection = {
      readBoard: await time("read and validate every row", async () => readBoard(doc, ROADMAP)),
      unchanged: await time("project an unchanged board", project),
      tenChanged: await time("project with 10 rows changed", async () => {
        for (const row of orderedRows(doc).slice(0, 10)) setCell(doc, row.id, "title", `${Math.random()}`);
        await project();
      }),
      allChanged: await time(`project with all ${ITEMS} rows changed`, async () => {
        fillRoadmap(doc, ITEMS);
        await project();
      }),
    };
  } finally {
    await browser.close();
    await started.stop();
  }
  if (options.json) {
    fs.writeFileSync(options.json, JSON.stringify(results, null, 2));
    console.log(`\nwrote ${options.json}`);
  }
}

await main();
