import { ownerLabel } from "../../shared/boards/fields";
import type { BoardRow } from "../../shared/boards/model";
import { PHASES, RISKS, STATUSES, roadmapProgress, type RoadmapItem } from "../../shared/boards/roadmap";
import { htmlPage } from "../documents/export";

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (character) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[character]!,
  );
}

const labelOf = (options: readonly { value: string; label: string }[], value: unknown) =>
  options.find((option) => option.value === value)?.label ?? "";

function formatDate(iso: string | null | undefined): string {
  if (!iso) return "";
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  });
}

const money = new Intl.NumberFormat("en-GB", {
  style: "currency",
  currency: "GBP",
  minimumFractionDigits: 0,
  maximumFractionDigits: 2,
});

const percent = (share: number) => `${Math.round(share * 100)}%`;

function progressLine(progress: { done: number; total: number; share: number }): string {
  if (progress.total === 0) return "No items to count";
  return `${progress.done} of ${progress.total} done (${percent(progress.share)})`;
}

function dates(item: RoadmapItem): string {
  const start = formatDate(item.start);
  const end = formatDate(item.end);
  if (start && end) return `${start} – ${end}`;
  if (start) return `From ${start}`;
  if (end) return `By ${end}`;
  return "";
}

function itemRow(item: RoadmapItem, titles: ReadonlyMap<string, string>): string {
  const tags = [item.quickWin ? "Quick win" : "", item.milestone ? "Milestone" : ""].filter(Boolean);
  const dependsOn = (item.dependsOn ?? []).map((id) => titles.get(id) ?? "").filter(Boolean);
  const checkpoints = (item.checkpoints ?? []).map(
    (checkpoint) => `${formatDate(checkpoint.date)}: ${checkpoint.label}`,
  );
  const details = [
    item.description ? `<p>${escapeHtml(item.description).replaceAll("\n", "<br>")}</p>` : "",
    dependsOn.length ? `<p>Depends on: ${escapeHtml(dependsOn.join("; "))}</p>` : "",
    checkpoints.length ? `<p>Checkpoints: ${escapeHtml(checkpoints.join("; "))}</p>` : "",
  ].join("");
  const cells = [
    `<strong>${escapeHtml(item.title ?? "")}</strong>${tags.length ? ` (${escapeHtml(tags.join(", "))})` : ""}${details}`,
    labelOf(STATUSES, item.status),
    ownerLabel(item.owner ?? null),
    dates(item),
    labelOf(RISKS, item.risk),
    typeof item.cost === "number" ? money.format(item.cost) : "",
    (item.clauses ?? []).join(", "),
  ];
  return `<tr>${cells.map((cell, index) => `<td>${index === 0 ? cell : escapeHtml(cell)}</td>`).join("")}</tr>`;
}

const HEADINGS = ["Item", "Status", "Owner", "Dates", "Risk", "Cost", "SCF clauses"];

/**
 * The roadmap as one printable page: a section per phase with its progress, quick wins first
 * within a phase, then the other items in board order. Everything written by people is escaped.
 */
export function roadmapPrintPage(
  rows: readonly BoardRow[],
  options: { cityName: string; stylesheets?: string[]; back?: { href: string; label: string }; now?: Date },
): string {
  // Only valid values are shown: `valid` holds exactly the fields that passed the roadmap's checks.
  const items = rows.map((row) => ({ id: row.id, ...row.valid }) as RoadmapItem);
  const titles = new Map(items.map((item) => [item.id, item.title ?? ""]));
  const progress = roadmapProgress(items);
  const asOf = (options.now ?? new Date()).toLocaleDateString("en-GB", { dateStyle: "long" });
  const sections = [
    ...PHASES.map((phase) => ({
      heading: phase.label,
      items: items.filter((item) => item.phase === phase.value),
      progress: progress.phases.find((entry) => entry.phase === phase.value)!,
    })),
    {
      heading: "Without a phase",
      items: items.filter((item) => !item.phase),
      progress: null,
    },
  ].filter((section) => section.progress !== null || section.items.length > 0);

  const body = [
    `<p>${escapeHtml(`As of ${asOf}. Overall: ${progressLine(progress.overall)}.`)}</p>`,
    ...sections.map((section) => {
      const ordered = [
        ...section.items.filter((item) => item.quickWin),
        ...section.items.filter((item) => !item.quickWin),
      ];
      const summary = section.progress ? `<p>${escapeHtml(progressLine(section.progress))}</p>` : "";
      const table = ordered.length
        ? `<table><thead><tr>${HEADINGS.map((heading) => `<th>${heading}</th>`).join("")}</tr></thead>` +
          `<tbody>${ordered.map((item) => itemRow(item, titles)).join("")}</tbody></table>`
        : "<p>No items in this phase.</p>";
      return `<section><h2>${escapeHtml(section.heading)}</h2>${summary}${table}</section>`;
    }),
  ].join("");
  return htmlPage(
    { title: `Roadmap · ${options.cityName}`, body },
    { stylesheets: options.stylesheets, back: options.back },
  );
}
