/**
 * Summarises V8 CPU profiles written by `npm run bench:collab -- --cpu-prof DIR`: self time per
 * function and per package, as a share of the profiled time.
 *
 *   node --import tsx test/bench/profile-summary.ts DIR/ours/CPU.*.cpuprofile [--top 25] [--skip-ms 4000] [--until-ms 60000]
 *
 * --skip-ms leaves out the first milliseconds of each profile (start-up: module loading, migrations);
 * --until-ms leaves out what comes after, so that two parts of one run can be compared.
 */
import fs from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

function packageOf(url: string): string {
  if (!url) return "(native/vm)";
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!;
  if (url.startsWith("node:")) return "node core";
  const local = /\/work\/[^/]+\/((?:server|db|shared|app|build)\/[^/]+(?:\/[^/]+)?)/.exec(url);
  return local ? local[1]! : url.replace(/^file:\/\//, "");
}

const args = process.argv.slice(2);
const topIndex = args.indexOf("--top");
const top = topIndex >= 0 ? Number(args.splice(topIndex, 2)[1]) : 25;
const skipIndex = args.indexOf("--skip-ms");
const skipMs = skipIndex >= 0 ? Number(args.splice(skipIndex, 2)[1]) : 0;
const untilIndex = args.indexOf("--until-ms");
const untilMs = untilIndex >= 0 ? Number(args.splice(untilIndex, 2)[1]) : Infinity;
const self = new Map<string, number>();
const packages = new Map<string, number>();
let total = 0;
let idle = 0;
for (const file of args) {
  const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  let at = 0;
  profile.samples.forEach((id, index) => {
    const node = byId.get(id)!;
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    at += ms;
    if (at < skipMs || at >= untilMs) return;
    const { functionName, url, lineNumber } = node.callFrame;
    total += ms;
    if (functionName === "(idle)" || functionName === "(program)") {
      if (functionName === "(idle)") idle += ms;
    }
    const key = `${functionName || "(anonymous)"}  ${packageOf(url)}${url ? `:${lineNumber + 1}` : ""}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    const pkg =
      functionName === "(idle)" ? "(idle)" : functionName === "(garbage collector)" ? "(gc)" : packageOf(url);
    packages.set(pkg, (packages.get(pkg) ?? 0) + ms);
  });
}
const busy = total - idle;
const show = (map: Map<string, number>, count: number) =>
  [...map]
    .filter(([key]) => !key.startsWith("(idle)"))
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .forEach(([key, ms]) =>
      console.log(`${((ms / busy) * 100).toFixed(1).padStart(6)}%  ${ms.toFixed(0).padStart(7)} ms  ${key}`),
    );
console.log(
  `profiled ${total.toFixed(0)} ms, busy ${busy.toFixed(0)} ms (shares below are of busy time)\n\nby package:`,
);
show(packages, 15);
console.log(`\nby function (self time):`);
show(self, top);
