import { Link } from "@remix-run/react";
import { TRACKER_STATUSES, type TrackerStatus } from "../../../shared/boards/framework";
import type { Coverage, CoverageGroup } from "../../../shared/scf/coverage";
import { formatDate } from "../board/cells";

/** Percentage of the applicable recommendations that are in place, rounded. */
function shareInPlace(group: CoverageGroup): number {
  return group.applicable === 0 ? 0 : Math.round((group.inPlace / group.applicable) * 100);
}

function describe(group: CoverageGroup): string {
  const parts = TRACKER_STATUSES.filter((status) => group.counts[status.value] > 0).map(
    (status) => `${group.counts[status.value]} ${status.label.toLowerCase()}`,
  );
  return `${group.title}: ${parts.join(", ")}`;
}

/** One group's recommendations as a bar split by status, with the share in place beside it. */
function StatusBar({ group }: { group: CoverageGroup }) {
  return (
    <div className="coverage-bar">
      <div className="coverage-bar__text">
        <span className="coverage-bar__label">{group.title}</span>{" "}
        <span className="coverage-bar__count">
          {group.inPlace} of {group.applicable} in place ({shareInPlace(group)}%)
        </span>
      </div>
      <div className="coverage-bar__track" role="img" aria-label={describe(group)}>
        {TRACKER_STATUSES.map((status) =>
          group.counts[status.value] > 0 ? (
            <span
              key={status.value}
              className={`coverage-bar__part status--${status.value}`}
              style={{ flexGrow: group.counts[status.value] }}
              title={`${status.label}: ${group.counts[status.value]}`}
            />
          ) : null,
        )}
      </div>
    </div>
  );
}

export function StatusSwatch({ status }: { status: TrackerStatus }) {
  return <span className={`status-swatch status--${status}`} aria-hidden="true" />;
}

/**
 * Where the city stands at a glance: recommendations by status overall, per component and per
 * process area, and what is overdue.
 */
export function CoverageCharts({ coverage, citySlug }: { coverage: Coverage; citySlug: string }) {
  return (
    <section className="coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">Coverage</h2>
      <div className="coverage__overall">
        <StatusBar group={coverage.overall} />
      </div>
      <ul className="coverage__legend" aria-label="Statuses">
        {TRACKER_STATUSES.map((status) => (
          <li key={status.value}>
            <StatusSwatch status={status.value} /> {status.label}
          </li>
        ))}
      </ul>
      <div className="coverage__groups">
        <div>
          <h3>By component</h3>
          {coverage.components.map((group) => (
            <StatusBar key={group.id} group={{ ...group, title: `${group.id} ${group.title}` }} />
          ))}
        </div>
        <div>
          <h3>By process area (B)</h3>
          {coverage.areas.map((group) => (
            <StatusBar key={group.id} group={group} />
          ))}
        </div>
      </div>
      <div className="coverage__overdue">
        <h3>Overdue ({coverage.overdue.length})</h3>
        {coverage.overdue.length === 0 ? (
          <p className="secondary">Nothing is past its target date.</p>
        ) : (
          <ul className="coverage__overdue-list">
            {coverage.overdue.map(({ recommendation, entry }) => (
              <li key={recommendation.id}>
                <Link to={`/c/${citySlug}/framework/${recommendation.clause.id}`}>{recommendation.id}</Link>{" "}
                {recommendation.text}{" "}
                <span className="secondary">
                  (due {formatDate(entry.target)}
                  {entry.owner ? `, ${entry.owner.name}` : ", no owner"})
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
