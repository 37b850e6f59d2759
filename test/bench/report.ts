/**
 * Renders the JSON written by `npm run bench:collab -- --json FILE` as Markdown tables, for
 * docs/performance.md:   node --import tsx test/bench/report.ts FILE
 */
import fs from "node:fs";

interface Summary {
  median: number;
  min: number;
  max: number;
}
type Row = Record<string, unknown> & { kind: string };

const file = process.argv[2];
if (!file) throw new Error("usage: report.ts FILE.json");
const data = JSON.parse(fs.readFileSync(file, "utf8")) as {
  results: Record<string, Record<string, Row>>;
  ratios: Record<string, Record<string, Record<string, number>>>;
  machine: Record<string, unknown>;
  versions: Record<string, string>;
  storage: string;
  mode: string;
  startedAt: string;
  elapsedSeconds: number;
  git: string;
};

const f = (value: number | undefined, digits = 1) =>
  value === undefined || value === null || !Number.isFinite(value) ? "–" : value.toFixed(digits);
const mb = (bytes: number) => f(bytes / 1024 / 1024, 0);
const out: string[] = [];
const line = (text = "") => out.push(text);

line(
  `Run ${data.startedAt} (${data.mode}, ${f(data.elapsedSeconds / 60, 0)} min, git ${data.git}); storage: ${data.storage}.`,
);
line(
  `Peers: ${Object.entries(data.versions)
    .map(([name, version]) => `${name} ${version}`)
    .join(", ")}.`,
);
line();
line(
  "Latency is from the writer's send to each receiver, in ms (median of the runs; spread = min–max of the runs). " +
    "deliv = delivery ratio; msgs/s = updates delivered to receivers per second; cpu = server CPU, % of one core; " +
    "eld = server event-loop delay p99, ms; lg/oth = CPU of the load generator / of everything else on the machine, % of one core; " +
    "ack = our acknowledgement (durable) p99, ms; RSS in MB idle/connected/peak/after close; KB/conn = (connected − idle) / clients; " +
    "live = JS heap and the memory its objects hold outside it, after a full garbage collection, in MB idle/connected/after close, and per client.",
);

const loadHeader =
  "| system | p50 | p95 | p99 | max | p50 spread | p99 spread | deliv % | msgs/s | cpu | eld | lg | oth | ack p99 | RSS idle/conn/peak/after | KB/conn | live idle/conn/after | live KB/conn |";
const loadRule = "|---|" + "---:|".repeat(17);

for (const [scenario, bySystem] of Object.entries(data.results)) {
  line();
  line(`#### ${scenario}`);
  line();
  const rows = Object.entries(bySystem);
  const kind = rows[0]?.[1].kind;
  if (kind === "load") {
    line(loadHeader);
    line(loadRule);
  }
  if (kind === "cold") {
    line("| system | open → state, median (min–max) | connect → state | state size | check |");
    line("|---|---:|---:|---:|---|");
  }
  if (kind === "writes") {
    line(
      "| system | updates/s | rows/s | stored KB/s | rows per update | bytes per update | process storage writes KB/s | p99 ms |",
    );
    line("|---|---:|---:|---:|---:|---:|---:|---:|");
  }
  for (const [system, row] of rows) {
    if (row.kind === "load") {
      const s = row.summary as Record<string, Summary>;
      const memory = row.memory as Record<string, number>;
      // Results written before live memory was read have none.
      const live = (row.memory as { live?: Record<string, number> }).live;
      const m = (key: string, digits = 2) => f(s[key]!.median, digits);
      const spread = (key: string) => `${f(s[key]!.min, 2)}–${f(s[key]!.max, 2)}`;
      const notes = [
        String(row.verification).startsWith("ok") ? "" : String(row.verification),
        row.closedDuringRuns ? `${String(row.closedDuringRuns)} clients closed` : "",
      ].filter(Boolean);
      line(
        `| ${system}${notes.length ? ` (${notes.join("; ")})` : ""} | ${m("latency.p50")} | ${m("latency.p95")} | ${m("latency.p99")} | ${m("latency.max", 1)} | ` +
          `${spread("latency.p50")} | ${spread("latency.p99")} | ${f(s.deliveryRatio!.median * 100, 2)} | ${m("messagesPerSecond", 0)} | ` +
          `${m("serverCpuPercent", 0)} | ${m("eventLoopDelayP99", 1)} | ${m("loadGeneratorCpuPercent", 0)} | ${m("otherCpuPercent", 0)} | ${m("ack.p99")} | ` +
          `${mb(memory.idle!)}/${mb(memory.connected!)}/${mb(memory.peak!)}/${mb(memory.afterClose!)} | ${f(memory.perConnection! / 1024, 1)} | ` +
          (live
            ? `${mb(live.idle!)}/${mb(live.connected!)}/${mb(live.afterClose!)} | ${f(live.perConnection! / 1024, 1)} |`
            : "– | – |"),
      );
    } else if (row.kind === "sweep") {
      const steps = (row.steps as { rate: number; summary: Record<string, Summary> }[])
        .map(
          (step) =>
            `${step.rate}/s → p99 ${f(step.summary["latency.p99"]!.median, 1)} ms, cpu ${f(step.summary.serverCpuPercent!.median, 0)}%`,
        )
        .join("; ");
      line(
        `- **${system}**: highest rate with p99 < 50 ms: **${String(row.highestSustainedRate)}/s** (${steps})`,
      );
    } else if (row.kind === "cold") {
      const open = row.openToState as Summary;
      const connect = row.connectToState as Summary;
      const loads = row.loads as unknown[];
      line(
        loads.length
          ? `| ${system} | ${f(open.median, 1)} (${f(open.min, 1)}–${f(open.max, 1)}) | ${f(connect.median, 1)} | ${f((row.stateBytes as number) / 1024, 0)} KB | ${String(row.verification)} |`
          : `| ${system} | n/a | | | ${String(row.note)} |`,
      );
    } else if (row.kind === "writes") {
      const load = row.load as Record<string, Summary>;
      line(
        `| ${system} | ${f(row.updatesPerSecond as number, 0)} | ${f(row.rowsPerSecond as number, 1)} | ${f((row.payloadBytesPerSecond as number) / 1024, 1)} | ` +
          `${f(row.rowsPerUpdate as number, 3)} | ${f(row.bytesPerUpdate as number, 0)} | ${f((row.storageWriteBytesPerSecond as Summary).median / 1024, 0)} | ${f(load["latency.p99"]!.median, 2)} |`,
      );
    }
  }
  const ratios = data.ratios[scenario];
  if (ratios && Object.keys(ratios).length) {
    line();
    line(
      "Ours / peer: " +
        Object.entries(ratios)
          .map(
            ([peer, figures]) =>
              `${peer}: ` +
              Object.entries(figures)
                .map(([name, value]) => `${name} ${f(value, 2)}`)
                .join(", "),
          )
          .join(" · "),
    );
  }
}
console.log(out.join("\n"));
