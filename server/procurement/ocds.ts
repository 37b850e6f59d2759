import { createHash } from "node:crypto";
import { METHODS, type Opportunity, type Stage } from "../../shared/boards/pipeline";

/**
 * A city's pipeline as Open Contracting Data Standard 1.1 releases: one contracting process per
 * opportunity, identified by `<ocid prefix>-<row id>`, so the ocid never changes while the
 * opportunity is on the board. Every publication of a change is a new release of that process.
 */

export type ReleaseTag = "planning" | "planningUpdate";

export type TenderStatus = "planning" | "planned" | "active" | "complete" | "cancelled" | "withdrawn";

export interface OcdsValue {
  amount: number;
  currency: string;
}

export interface OcdsPeriod {
  startDate?: string;
  endDate?: string;
}

export interface OcdsMilestone {
  id: string;
  title: string;
  type: string;
  dueDate: string;
  status?: "scheduled" | "met";
}

export interface OcdsItem {
  id: string;
  description: string;
  classification: { scheme: "CPV"; id: string };
}

export interface OcdsPlanning {
  rationale?: string;
  budget?: { description?: string; amount?: OcdsValue };
  milestones?: OcdsMilestone[];
}

export interface OcdsTender {
  id: string;
  title: string;
  description?: string;
  status: TenderStatus;
  value?: OcdsValue;
  mainProcurementCategory?: "goods" | "services" | "works";
  procurementMethod?: "open" | "selective" | "limited" | "direct";
  procurementMethodDetails?: string;
  items?: OcdsItem[];
  tenderPeriod?: OcdsPeriod;
  awardPeriod?: OcdsPeriod;
  contractPeriod?: OcdsPeriod;
  /** In a joint procurement, the lead buyer that runs the procedure for every buyer. */
  procuringEntity?: { id: string; name: string };
}

export interface OcdsParty {
  id: string;
  name: string;
  roles: string[];
}

/** What a release says about its opportunity: everything but its own id, date and tag. */
export interface OcdsReleaseContent {
  ocid: string;
  initiationType: "tender";
  language: "en";
  parties: OcdsParty[];
  buyer: { id: string; name: string };
  planning: OcdsPlanning;
  tender: OcdsTender;
}

export interface OcdsRelease extends OcdsReleaseContent {
  id: string;
  date: string;
  tag: ReleaseTag[];
}

export interface OcdsReleasePackage {
  uri: string;
  version: "1.1";
  publishedDate: string;
  publisher: { name: string; uri?: string };
  releases: OcdsRelease[];
}

/** The city that buys: the one party of every release. */
export interface Buyer {
  slug: string;
  name: string;
}

/** An ocid prefix: "ocds-", the six letters or digits the Open Contracting Partnership assigns, then optionally the publisher's own part. */
export const OCID_PREFIX = /^ocds-[a-z0-9]{6}(-[a-z0-9]+)*$/;

export const OCID_PREFIX_MAX_LENGTH = 60;

export function ocidOf(prefix: string, rowId: string): string {
  return `${prefix}-${rowId}`;
}

/** Each stage of the board as OCDS describes the state of a tender. */
export const TENDER_STATUS: Record<Stage, TenderStatus> = {
  idea: "planning",
  pipeline: "planned",
  "market-engagement": "planned",
  tender: "active",
  awarded: "complete",
  "contract-live": "complete",
  closed: "complete",
  cancelled: "cancelled",
  withdrawn: "withdrawn",
};

/** Stages after market engagement: by then the engagement has taken place. */
const ENGAGED_STAGES: readonly Stage[] = ["tender", "awarded", "contract-live", "closed"];

/** A board date (YYYY-MM-DD) as the date-time OCDS asks for: the start of that day, UTC. */
function dateTimeOf(date: string | null | undefined): string | undefined {
  return date ? `${date}T00:00:00Z` : undefined;
}

function periodOf(start: string | null | undefined, end?: string | null): OcdsPeriod | undefined {
  const period: OcdsPeriod = {};
  const startDate = dateTimeOf(start);
  const endDate = dateTimeOf(end);
  if (startDate) period.startDate = startDate;
  if (endDate) period.endDate = endDate;
  return startDate || endDate ? period : undefined;
}

function partyIdOf(buyer: Buyer): string {
  return `city-${buyer.slug}`;
}

/**
 * The content of an opportunity's release from its validated values. The caller makes sure the
 * opportunity has a title. A joint procurement names its other cities as buyers too, and its lead
 * buyer (`buyer`) as the procuring entity.
 */
export function buildReleaseContent(args: {
  ocid: string;
  buyer: Buyer;
  coBuyers?: readonly Buyer[];
  opportunity: Opportunity;
}): OcdsReleaseContent {
  const { ocid, buyer, opportunity } = args;
  const coBuyers = args.coBuyers ?? [];
  const title = opportunity.title ?? "";
  const outcome = opportunity.outcome?.trim() || undefined;
  const stage = opportunity.stage ?? "idea";
  const value =
    opportunity.value !== null && opportunity.value !== undefined
      ? { amount: opportunity.value, currency: opportunity.currency ?? "GBP" }
      : undefined;
  const budgetSource = opportunity.budgetSource?.trim() || undefined;

  const planning: OcdsPlanning = {};
  if (outcome) planning.rationale = outcome;
  if (value || budgetSource) {
    planning.budget = {};
    if (budgetSource) planning.budget.description = budgetSource;
    if (value) planning.budget.amount = value;
  }
  const engagement = dateTimeOf(opportunity.engagementDate);
  if (engagement) {
    const milestone: OcdsMilestone = {
      id: "market-engagement",
      title: "Market engagement",
      type: "engagement",
      dueDate: engagement,
    };
    // Nothing is scheduled any more for a process that was cancelled or withdrawn.
    if (ENGAGED_STAGES.includes(stage)) milestone.status = "met";
    else if (stage !== "cancelled" && stage !== "withdrawn") milestone.status = "scheduled";
    planning.milestones = [milestone];
  }

  const tender: OcdsTender = { id: ocid, title, status: TENDER_STATUS[stage] };
  if (outcome) tender.description = outcome;
  if (value) tender.value = value;
  if (opportunity.category) tender.mainProcurementCategory = opportunity.category;
  const method = METHODS.find((candidate) => candidate.value === opportunity.method);
  if (method?.ocds) {
    tender.procurementMethod = method.ocds;
    tender.procurementMethodDetails = method.label;
  }
  if (opportunity.cpv) {
    // CPV codes are matched on their eight digits; the check digit only guards against typing errors.
    const code = opportunity.cpv.slice(0, 8);
    tender.items = [{ id: "1", description: title, classification: { scheme: "CPV", id: code } }];
  }
  const tenderPeriod = periodOf(opportunity.tenderDate);
  if (tenderPeriod) tender.tenderPeriod = tenderPeriod;
  const awardPeriod = periodOf(opportunity.awardDate);
  if (awardPeriod) tender.awardPeriod = awardPeriod;
  const contractPeriod = periodOf(opportunity.contractStart, opportunity.contractEnd);
  if (contractPeriod) tender.contractPeriod = contractPeriod;

  const party = { id: partyIdOf(buyer), name: buyer.name };
  if (coBuyers.length > 0) tender.procuringEntity = party;
  return {
    ocid,
    initiationType: "tender",
    language: "en",
    parties: [
      { ...party, roles: coBuyers.length > 0 ? ["buyer", "procuringEntity"] : ["buyer"] },
      ...coBuyers.map((other) => ({ id: partyIdOf(other), name: other.name, roles: ["buyer"] })),
    ],
    buyer: party,
    planning,
    tender,
  };
}

/** A release: its content with an id, a date and a tag. The id and tag come first, as OCDS examples list them. */
export function buildRelease(
  content: OcdsReleaseContent,
  args: { id: string; date: Date; tag: ReleaseTag },
): OcdsRelease {
  const { ocid, ...rest } = content;
  return { ocid, id: args.id, date: args.date.toISOString(), tag: [args.tag], ...rest };
}

/** JSON with object keys sorted, so equal content always gives equal text. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, entry]) => entry !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, entry]) => `${JSON.stringify(key)}:${canonicalJson(entry)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** A digest of what a release says, to tell whether an opportunity changed since it was published. */
export function digestOf(content: OcdsReleaseContent): string {
  return createHash("sha256").update(canonicalJson(content)).digest("hex");
}

/**
 * A release package of every release given, oldest first. Its date is the latest release's, so the
 * package stays the same, byte for byte, until something new is published.
 */
export function buildReleasePackage(args: {
  uri: string;
  publisher: { name: string; uri?: string };
  releases: readonly OcdsRelease[];
}): OcdsReleasePackage {
  const releases = [...args.releases].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const latest = releases.at(-1);
  if (!latest) throw new Error("A release package needs at least one release");
  return {
    uri: args.uri,
    version: "1.1",
    publishedDate: latest.date,
    publisher: args.publisher,
    releases,
  };
}
