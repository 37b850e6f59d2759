import {
  CATEGORIES,
  CHECK_CRITERIA,
  summariseCheck,
  type CheckSummary,
  type Opportunity,
} from "../../../shared/boards/pipeline";
import type { BoardRow } from "../../../shared/boards/model";
import { countOf, formatDate, formatMoney } from "../board/cells";
import type { CardContent } from "../board/PhaseBoard";
import type { ComputedColumn } from "../board/BoardList";

const CATEGORY_LABELS = new Map<string, string>(
  CATEGORIES.map((category) => [category.value, category.label]),
);

/** An opportunity's values that passed validation. */
export function opportunityOf(row: Pick<BoardRow, "valid">): Opportunity {
  return row.valid as Opportunity;
}

/** How an opportunity fares against the smart-procurement check, from its answers and stage. */
export function checkOf(row: Pick<BoardRow, "valid">): CheckSummary {
  const opportunity = opportunityOf(row);
  return summariseCheck(opportunity.check, opportunity.stage);
}

/** "Smart check 67%", or that nothing is answered yet. */
export function scoreText(summary: CheckSummary): string {
  return summary.answered === 0 ? "Smart check not started" : `Smart check ${summary.score}%`;
}

/** The score and, when there is one, the lock-in flag, as a card or a list cell shows them. */
export function CheckBadges({ summary }: { summary: CheckSummary }) {
  return (
    <>
      <span
        className={`check-score${summary.answered === 0 ? " check-score--none" : ""}`}
        data-testid="check-score"
      >
        {scoreText(summary)}
      </span>
      {summary.lockIn.length > 0 ? <LockInFlag /> : null}
    </>
  );
}

function LockInFlag() {
  return (
    <span className="board-badge board-badge--lock-in" data-testid="lock-in-flag">
      <span aria-hidden="true">⚠ </span>Lock-in risk
    </span>
  );
}

/** Amounts per currency, largest first: "£1,200,000 + €300,000". */
export function totalValue(rows: readonly Pick<BoardRow, "valid">[]): string {
  const totals = new Map<string, number>();
  for (const row of rows) {
    const { value, currency = "GBP" } = opportunityOf(row);
    if (typeof value === "number") totals.set(currency, (totals.get(currency) ?? 0) + value);
  }
  return [...totals]
    .sort((a, b) => b[1] - a[1])
    .map(([currency, amount]) => formatMoney(amount, currency))
    .join(" + ");
}

/** What a card on the pipeline board shows, and each stage's count and value. */
export const OPPORTUNITY_CARD: CardContent = {
  flags(row) {
    return checkOf(row).lockIn.length > 0 ? <LockInFlag /> : null;
  },
  details(row) {
    const opportunity = opportunityOf(row);
    const summary = checkOf(row);
    const category = opportunity.category ? CATEGORY_LABELS.get(opportunity.category) : null;
    const clauses = opportunity.clauses ?? [];
    return (
      <>
        <span className={`check-score${summary.answered === 0 ? " check-score--none" : ""}`}>
          {scoreText(summary)}
        </span>
        {category ? (
          <span className="board-card__detail">
            <span className="visually-hidden">Category: </span>
            {category}
          </span>
        ) : null}
        {typeof opportunity.value === "number" ? (
          <span className="board-card__detail">
            <span className="visually-hidden">Estimated value: </span>
            {formatMoney(opportunity.value, opportunity.currency)}
          </span>
        ) : null}
        {opportunity.tenderDate ? (
          <span className="board-card__detail">Tender {formatDate(opportunity.tenderDate)}</span>
        ) : null}
        {clauses.length > 0 ? (
          <span className="board-card__detail board-card__clauses">
            <span className="visually-hidden">SCF clauses: </span>
            {clauses.join(" ")}
          </span>
        ) : null}
      </>
    );
  },
  columnSummary(rows) {
    const value = totalValue(rows);
    return (
      <p className="phase-column__summary">
        <span>{countOf(rows.length, "opportunity")}</span>
        {value ? <span>{value}</span> : null}
      </p>
    );
  },
};

/** The list's column of check scores and lock-in flags; it sorts by score. */
export const CHECK_COLUMN: ComputedColumn = {
  key: "smartCheck",
  label: "Smart check",
  render: (row) => <CheckBadges summary={checkOf(row)} />,
  sortValue: (row) => {
    const summary = checkOf(row);
    return summary.answered === 0 ? null : summary.score;
  },
};

/**
 * The check worked out for the opportunity open in the detail panel: its score, how much is
 * answered, and why it risks tying the city to one supplier.
 */
export function CheckSummaryPanel({ row }: { row: Pick<BoardRow, "valid"> }) {
  const summary = checkOf(row);
  return (
    <section className="check-summary" aria-labelledby="check-summary-title" data-testid="check-summary">
      <h3 className="check-summary__title" id="check-summary-title">
        {scoreText(summary)}
      </h3>
      <p className="check-summary__answered">
        {summary.answered} of {CHECK_CRITERIA.length} questions answered; yes counts fully, partly counts
        half.
      </p>
      {summary.lockIn.length > 0 ? (
        <div className="check-summary__lock-in">
          <p className="check-summary__lock-in-title">
            <LockInFlag />
          </p>
          <p>The city could be tied to one supplier because of these answers:</p>
          <ul className="check-summary__reasons">
            {summary.lockIn.map((reason) => (
              <li key={reason}>{reason}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="check-summary__clear">No sign of lock-in from the answers so far.</p>
      )}
    </section>
  );
}
