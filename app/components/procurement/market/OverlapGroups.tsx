import { Link } from "@remix-run/react";
import { formatDate } from "../../board/cells";
import { overlapHeadline } from "./labels";

export interface OverlapGroupView {
  cityCount: number;
  opportunities: {
    citySlug: string;
    cityName: string;
    rowId: string;
    title: string;
    tenderStart: string | null;
  }[];
}

/**
 * Groups of similar opportunities in several cities, each with its opportunities and their cities;
 * `ownCity` marks the reader's own city's opportunities when a lead reads them.
 */
/** For a lead whose city is in the group: propose buying it together with the other cities. */
function ProposeTogether({ group, ownCity }: { group: OverlapGroupView; ownCity: string }) {
  const own = group.opportunities.find((opportunity) => opportunity.citySlug === ownCity);
  if (!own) return null;
  const others = [
    ...new Set(
      group.opportunities
        .filter((opportunity) => opportunity.citySlug !== ownCity)
        .map((opportunity) => opportunity.citySlug),
    ),
  ];
  const query = new URLSearchParams({ row: own.rowId, cities: others.join(",") });
  return (
    <p>
      <Link to={`/c/${ownCity}/procurement/joint?${query.toString()}`}>Propose buying this together</Link>
    </p>
  );
}

export function OverlapGroups({
  groups,
  ownCity,
  headingLevel = 2,
}: {
  groups: OverlapGroupView[];
  ownCity?: string;
  headingLevel?: 2 | 3;
}) {
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <ul className="overlap-groups">
      {groups.map((group) => {
        const key = group.opportunities
          .map((opportunity) => `${opportunity.citySlug}/${opportunity.rowId}`)
          .join(" ");
        return (
          <li key={key} className="overlap-group">
            <Heading className="overlap-group__title">{overlapHeadline(group.cityCount)}</Heading>
            <ul className="overlap-group__list">
              {group.opportunities.map((opportunity) => (
                <li key={`${opportunity.citySlug}/${opportunity.rowId}`}>
                  <Link to={`/p/${opportunity.citySlug}/pipeline/${encodeURIComponent(opportunity.rowId)}`}>
                    {opportunity.title}
                  </Link>{" "}
                  <span className="overlap-group__city">
                    {opportunity.cityName}
                    {opportunity.citySlug === ownCity ? " (your city)" : ""}
                  </span>
                  {opportunity.tenderStart ? (
                    <span className="secondary"> · tender from {formatDate(opportunity.tenderStart)}</span>
                  ) : null}
                </li>
              ))}
            </ul>
            {ownCity ? <ProposeTogether group={group} ownCity={ownCity} /> : null}
          </li>
        );
      })}
    </ul>
  );
}
