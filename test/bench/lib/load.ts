import { BenchClient, Meter, type Endpoint, type Role } from "./clients";
import { distribution, summarize, type Distribution, type Summary } from "./stats";
import { machineBusyMs, storageWriteBytes, type ServerProcess } from "./systems";

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface LoadSpec {
  /** The clients of each document, by role. */
  roles: (docIndex: number) => Role[];
  documents: number;
  /** Total updates per second over all writers (round robin); several values make a sweep. */
  rates: number[];
  runs: number;
  durationMs: number;
  settleMs: number;
  /** Stop climbing the rates once p99 >= 50 ms or updates are lost. */
  sweep?: boolean;
  /** How long to wait after the clients left before reading the server's memory. */
  afterCloseMs: number;
  /** Leave the clients connected at the end (the caller stops the server). */
  keepConnected?: boolean;
}

export interface RunFigures {
  rate: number;
  sent: number;
  achievedRate: number;
  expected: number;
  deliveries: number;
  deliveryRatio: number;
  latency: Distribution;
  /** Time until the last receiver had an update, over the updates every receiver got. */
  lastReceiver: Distribution;
  /** Update deliveries per second (one update to one receiver), over the sending window. */
  messagesPerSecond: number;
  /** WebSocket frames per second arriving at the receivers. */
  framesPerSecond: number;
  serverCpuPercent: number;
  eventLoopDelayP99: number;
  eventLoopDelayMax: number;
  loadGeneratorCpuPercent: number;
  /** CPU used meanwhile by everything else on the machine (% of one core): noise in the figures. */
  otherCpuPercent: number;
  ack: Distribution | null;
  storageWriteBytes: number;
}

export interface RateResult {
  rate: number;
  runs: RunFigures[];
  summary: Record<string, Summary>;
}

export interface LoadResult {
  clients: number;
  connectMs: number;
  rates: RateResult[];
  memory: {
    /** RSS, bytes. */
    idle: number;
    connected: number;
    peak: number;
    afterClose: number;
    perConnection: number;
    /** Live memory (`ServerProcess.liveMemory`), bytes. */
    live: { idle: number; connected: number; afterClose: number; perConnection: number };
  };
  closedDuringRuns: number;
  verification: string;
  connectedClients?: BenchClient[];
}

const SUMMARIZED: (keyof RunFigures | `${"latency" | "lastReceiver" | "ack"}.${keyof Distribution}`)[] = [
  "latency.p50",
  "latency.p95",
  "latency.p99",
  "latency.max",
  "lastReceiver.p50",
  "lastReceiver.p99",
  "deliveryRatio",
  "messagesPerSecond",
  "framesPerSecond",
  "achievedRate",
  "serverCpuPercent",
  "eventLoopDelayP99",
  "loadGeneratorCpuPercent",
  "otherCpuPercent",
  "ack.p50",
  "ack.p99",
  "storageWriteBytes",
];

function figure(run: RunFigures, key: string): number {
  const [head, tail] = key.split(".") as [keyof RunFigures, keyof Distribution | undefined];
  const value = run[head];
  if (tail) return value && typeof value === "object" ? (value as Distribution)[tail] : NaN;
  return typeof value === "number" ? value : NaN;
}

export function summarizeRuns(runs: RunFigures[]): Record<string, Summary> {
  return Object.fromEntries(SUMMARIZED.map((key) => [key, summarize(runs.map((run) => figure(run, key)))]));
}

/** Connects clients in batches, so the servers see a realistic stream of new sockets. */
export async function connectClients(
  endpoint: Endpoint,
  documentIds: string[],
  spec: Pick<LoadSpec, "roles">,
  meter: Meter,
  firstIndex = 0,
): Promise<BenchClient[]> {
  const pending: { documentId: string; docIndex: number; role: Role }[] = [];
  documentIds.forEach((documentId, docIndex) => {
    for (const role of spec.roles(docIndex)) pending.push({ documentId, docIndex, role });
  });
  const clients: BenchClient[] = [];
  for (let start = 0; start < pending.length; start += 50) {
    const batch = pending
      .slice(start, start + 50)
      .map(
        ({ documentId, docIndex, role }, offset) =>
          new BenchClient(endpoint, documentId, docIndex, firstIndex + start + offset, role, meter),
      );
    clients.push(...batch);
    await Promise.all(batch.map((client) => client.ready));
  }
  return clients;
}

/** Sends `rate` updates per second for `durationMs`, round robin over the writers. Open loop. */
async function drive(
  meter: Meter,
  writers: BenchClient[],
  rate: number,
  durationMs: number,
): Promise<number> {
  const started = performance.now();
  const total = Math.floor((rate * durationMs) / 1000);
  let sent = 0;
  let next = 0;
  for (;;) {
    const elapsed = performance.now() - started;
    if (elapsed >= durationMs || sent >= total) break;
    const due = Math.min(total, Math.floor((elapsed * rate) / 1000) + 1);
    while (sent < due && meter.sent < meter.capacity) {
      const writer = writers[next]!;
      next = (next + 1) % writers.length;
      if (writer.ws.readyState === writer.ws.OPEN) writer.write();
      sent++;
    }
    await sleep(1);
  }
  return performance.now() - started;
}

/** The server closed every writer's connection: there is nothing left to measure. */
class NoWritersError extends Error {}

/** One measured run at one rate over clients that are already connected and settled. */
export async function measureRun(args: {
  server: ServerProcess;
  clients: BenchClient[];
  meter: Meter;
  rate: number;
  durationMs: number;
  drainMs: number;
}): Promise<RunFigures> {
  const { server, clients, meter, rate, durationMs } = args;
  const writers = clients.filter((client) => client.role.write && client.ws.readyState === client.ws.OPEN);
  if (writers.length === 0) {
    const codes = new Set(clients.filter((client) => client.role.write).map((client) => client.closeCode));
    throw new NoWritersError(`every writer's connection is closed (close codes: ${[...codes].join(", ")})`);
  }
  const receivers = clients.filter((client) => client.role.receive);
  const receiversPerDoc = new Map<number, number>();
  for (const receiver of receivers) {
    if (receiver.ws.readyState !== receiver.ws.OPEN) continue;
    receiversPerDoc.set(receiver.docIndex, (receiversPerDoc.get(receiver.docIndex) ?? 0) + 1);
  }
  const expectedFor = new Map<number, number>();
  for (const writer of writers) {
    expectedFor.set(
      writer.index,
      (receiversPerDoc.get(writer.docIndex) ?? 0) - (writer.role.receive ? 1 : 0),
    );
  }
  const capacity = Math.ceil((rate * durationMs) / 1000) + 16;
  const maxReceivers = Math.max(1, ...receiversPerDoc.values());
  for (const receiver of receivers) receiver.seen = new Uint8Array(capacity);
  meter.begin(capacity, Math.min(capacity * maxReceivers, 30_000_000));

  await server.stats();
  const io0 = storageBytes(server);
  const machine0 = machineBusyMs();
  const cpu0 = server.cpuMs();
  const own0 = process.cpuUsage();
  const sendingMs = await drive(meter, writers, rate, durationMs);
  const cpu1 = server.cpuMs();
  const own1 = process.cpuUsage(own0);
  const machine1 = machineBusyMs();
  const stats = await server.stats();

  let expected = 0;
  for (let index = 0; index < meter.sent; index++) expected += expectedFor.get(meter.writerOf[index]!) ?? 0;
  const drainUntil = performance.now() + args.drainMs;
  while (meter.deliveries < expected && performance.now() < drainUntil) await sleep(10);
  // Acknowledgements follow the group commit: give the last ones a moment.
  const ackWait = performance.now() + 500;
  while (
    writers.some((writer) => writer.endpoint.framing === "plain") &&
    meter.ackLatencies.length < meter.sent &&
    performance.now() < ackWait &&
    server.system === "ours"
  ) {
    await sleep(10);
  }
  meter.active = false;
  for (const client of clients) client.catchUp();
  const io1 = storageBytes(server);

  const last: number[] = [];
  for (let index = 0; index < meter.sent; index++) {
    const want = expectedFor.get(meter.writerOf[index]!) ?? 0;
    if (want > 0 && meter.receivedBy[index] === want)
      last.push(meter.lastArrival[index]! - meter.sendTimes[index]!);
  }
  const seconds = sendingMs / 1000;
  return {
    rate,
    sent: meter.sent,
    achievedRate: meter.sent / seconds,
    expected,
    deliveries: meter.deliveries,
    deliveryRatio: expected > 0 ? meter.deliveries / expected : NaN,
    latency: distribution(meter.latencies, meter.latencyCount),
    lastReceiver: distribution(last),
    messagesPerSecond: meter.deliveries / seconds,
    framesPerSecond: meter.frames / seconds,
    serverCpuPercent: ((cpu1 - cpu0) / sendingMs) * 100,
    eventLoopDelayP99: stats.eldP99,
    eventLoopDelayMax: stats.eldMax,
    loadGeneratorCpuPercent: ((own1.user + own1.system) / 1000 / sendingMs) * 100,
    otherCpuPercent:
      ((machine1 - machine0 - (cpu1 - cpu0) - (own1.user + own1.system) / 1000) / sendingMs) * 100,
    ack: meter.ackLatencies.length > 0 ? distribution(meter.ackLatencies) : null,
    storageWriteBytes: Number.isFinite(io1 - io0) ? ((io1 - io0) / sendingMs) * 1000 : NaN,
  };
}

function storageBytes(server: ServerProcess): number {
  return storageWriteBytes(server.pid);
}

/** Checks that the full clients of each document hold the same text, with every marker sent to it. */
export function verify(clients: BenchClient[], sentPerDoc: Map<number, Set<number>>): string {
  const problems: string[] = [];
  const byDoc = new Map<number, BenchClient[]>();
  for (const client of clients) {
    if (!client.doc) continue;
    byDoc.set(client.docIndex, [...(byDoc.get(client.docIndex) ?? []), client]);
  }
  let checked = 0;
  for (const [docIndex, full] of byDoc) {
    const texts = full.map((client) => client.text());
    if (texts.some((text) => text !== texts[0])) problems.push(`document ${docIndex}: replicas differ`);
    const present = new Set([...texts[0]!.matchAll(/§(\d+)¤/g)].map((match) => Number(match[1])));
    const sent = sentPerDoc.get(docIndex) ?? new Set<number>();
    const missing = [...sent].filter((seq) => !present.has(seq)).length;
    if (missing > 0) problems.push(`document ${docIndex}: ${missing} of ${sent.size} edits missing`);
    checked += full.length;
  }
  if (checked === 0) return "no full clients";
  return problems.length
    ? `FAILED: ${problems.slice(0, 3).join("; ")}`
    : `ok (${checked} replicas identical)`;
}

function recordSent(meter: Meter, clients: BenchClient[], sentPerDoc: Map<number, Set<number>>): void {
  for (let index = 0; index < meter.sent; index++) {
    const writer = clients[meter.writerOf[index]!]!;
    const set = sentPerDoc.get(writer.docIndex) ?? new Set<number>();
    set.add(meter.base + index);
    sentPerDoc.set(writer.docIndex, set);
  }
}

/** Connects, settles, runs every rate `runs` times, verifies, disconnects and reads the memory. */
export async function runLoad(
  server: ServerProcess,
  endpoint: Endpoint,
  documentIds: string[],
  spec: LoadSpec,
  log: (line: string) => void,
): Promise<LoadResult> {
  await sleep(500);
  const idle = server.memory().rss;
  const liveIdle = await server.liveMemory();
  const meter = new Meter();
  const started = performance.now();
  const clients = await connectClients(endpoint, documentIds, spec, meter);
  const connectMs = performance.now() - started;
  await sleep(spec.settleMs);
  const connected = server.memory().rss;
  const liveConnected = await server.liveMemory();

  const sentPerDoc = new Map<number, Set<number>>();
  const rates: RateResult[] = [];
  // One unmeasured warm-up run at the first rate, so that measured runs see warm code paths.
  const warmUp = await measureRun({
    server,
    clients,
    meter,
    rate: spec.rates[0]!,
    durationMs: Math.min(1000, spec.durationMs / 2),
    drainMs: 2000,
  });
  recordSent(meter, clients, sentPerDoc);
  log(`    warm-up @${warmUp.rate}/s: p99 ${warmUp.latency.p99.toFixed(2)} ms (not counted)`);
  rates: for (const rate of spec.rates) {
    const runs: RunFigures[] = [];
    for (let run = 0; run < spec.runs; run++) {
      let figures: RunFigures;
      try {
        figures = await measureRun({
          server,
          clients,
          meter,
          rate,
          durationMs: spec.durationMs,
          drainMs: 3000,
        });
      } catch (error) {
        // A sweep ends at a rate that cannot be measured; the rate does not count as sustained.
        if (!spec.sweep || !(error instanceof NoWritersError)) throw error;
        log(`    stopped @${rate}/s: ${error.message}`);
        break rates;
      }
      recordSent(meter, clients, sentPerDoc);
      runs.push(figures);
      log(
        `    run ${run + 1} @${rate}/s: p50 ${figures.latency.p50.toFixed(2)} p99 ${figures.latency.p99.toFixed(2)} ms, ` +
          `delivered ${(figures.deliveryRatio * 100).toFixed(2)}%, cpu ${figures.serverCpuPercent.toFixed(0)}%, ` +
          `load generator ${figures.loadGeneratorCpuPercent.toFixed(0)}%, others ${figures.otherCpuPercent.toFixed(0)}%`,
      );
      await sleep(300);
    }
    const summary = summarizeRuns(runs);
    rates.push({ rate, runs, summary });
    if (spec.sweep && (summary["latency.p99"]!.median >= 50 || summary.deliveryRatio!.median < 0.999)) break;
  }
  await sleep(300);
  const verification = verify(clients, sentPerDoc);
  const closedDuringRuns = clients.filter((client) => client.closeCode !== null).length;
  const peak = server.memory().peak;
  let afterClose = NaN;
  let liveAfterClose = NaN;
  if (!spec.keepConnected) {
    for (const client of clients) client.close();
    await sleep(spec.afterCloseMs);
    afterClose = server.memory().rss;
    liveAfterClose = await server.liveMemory();
  }
  return {
    clients: clients.length,
    connectMs,
    rates,
    memory: {
      idle,
      connected,
      peak,
      afterClose,
      perConnection: (connected - idle) / clients.length,
      live: {
        idle: liveIdle,
        connected: liveConnected,
        afterClose: liveAfterClose,
        perConnection: (liveConnected - liveIdle) / clients.length,
      },
    },
    closedDuringRuns,
    verification,
    connectedClients: spec.keepConnected ? clients : undefined,
  };
}
