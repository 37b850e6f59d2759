import { contactKind, GOVERNANCE_BOARDS } from "../../../shared/boards/governance";
import { STATUSES } from "../../../shared/boards/roadmap";
import type {
  LeadershipSection,
  PipelineSection,
  PublicLeader,
  RichSection,
  RoadmapSection,
} from "../../../shared/publications";
import { formatDate } from "../board/cells";

const STATUS_LABELS = new Map<string, string>(STATUSES.map((status) => [status.value, status.label]));

/** Rich text as published: sanitised by an allowlist when it was published, shown as stored. */
export function PublishedText({ section, headingLevel }: { section: RichSection; headingLevel?: 3 }) {
  return (
    <>
      {headingLevel ? <h3>{section.title}</h3> : null}
      <div className="prose public-page__prose" dangerouslySetInnerHTML={{ __html: section.html }} />
    </>
  );
}

/** A contact as a link when it is an email or web address, as text when it is a phone number. */
function Contact({ contact }: { contact: string }) {
  const kind = contactKind(contact);
  if (kind === "email") return <a href={`mailto:${contact}`}>{contact}</a>;
  if (kind === "web")
    return (
      <a href={contact} rel="noopener noreferrer nofollow">
        {contact}
      </a>
    );
  return <>{contact}</>;
}

function Leader({ person }: { person: PublicLeader }) {
  const role = [person.role, person.organisation].filter(Boolean).join(", ");
  return (
    <li className="public-leaders__person">
      <p className="public-leaders__name">{person.name}</p>
      {role ? <p>{role}</p> : null}
      {person.responsibility ? <p className="secondary">Responsible for: {person.responsibility}</p> : null}
      {person.contact ? (
        <p>
          Contact: <Contact contact={person.contact} />
        </p>
      ) : null}
    </li>
  );
}

/** The public members of the leadership team, by the board they sit on. */
export function PublishedLeadership({ section }: { section: LeadershipSection }) {
  if (section.people.length === 0) return <p>No one is listed yet.</p>;
  return (
    <>
      {GOVERNANCE_BOARDS.map((board) => {
        const people = section.people.filter((person) => person.board === board.value);
        if (people.length === 0) return null;
        return (
          <div key={board.value}>
            <h3>{board.value === "other" ? "Other roles" : board.label}</h3>
            <ul className="public-leaders">
              {people.map((person, index) => (
                <Leader key={`${person.name}-${index}`} person={person} />
              ))}
            </ul>
          </div>
        );
      })}
    </>
  );
}

const percent = (done: number, total: number) => (total === 0 ? 0 : Math.round((100 * done) / total));

/** Progress in each phase of the roadmap, and the items the city chose to show with their status. */
export function PublishedRoadmap({ section }: { section: RoadmapSection }) {
  const phases = new Map(section.phases.map((phase) => [phase.phase, phase.label]));
  return (
    <>
      <p>
        {section.overall.done} of {section.overall.total} roadmap items are done (
        {percent(section.overall.done, section.overall.total)}%).
      </p>
      <table className="public-table">
        <caption className="visually-hidden">Progress by phase</caption>
        <thead>
          <tr>
            <th scope="col">Phase</th>
            <th scope="col">Done</th>
            <th scope="col">Items</th>
            <th scope="col">Progress</th>
          </tr>
        </thead>
        <tbody>
          {section.phases.map((phase) => (
            <tr key={phase.phase}>
              <th scope="row">{phase.label}</th>
              <td>{phase.done}</td>
              <td>{phase.total}</td>
              <td>
                <span className="public-progress" aria-hidden="true">
                  <span style={{ width: `${percent(phase.done, phase.total)}%` }} />
                </span>
                {percent(phase.done, phase.total)}%
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {section.items.length > 0 ? (
        <>
          <h3>Selected items</h3>
          <table className="public-table">
            <caption className="visually-hidden">Selected roadmap items and their status</caption>
            <thead>
              <tr>
                <th scope="col">Item</th>
                <th scope="col">Phase</th>
                <th scope="col">Status</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {section.items.map((item) => (
                <tr key={item.id}>
                  <th scope="row">{item.title}</th>
                  <td>{item.phase ? (phases.get(item.phase) ?? item.phase) : ""}</td>
                  <td>{item.status ? (STATUS_LABELS.get(item.status) ?? item.status) : ""}</td>
                  <td>
                    {[item.start, item.end]
                      .filter(Boolean)
                      .map((date) => formatDate(date))
                      .join(" to ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </>
  );
}

/** What the city had published of its procurement pipeline, and where to read it. */
export function PublishedPipeline({ section, slug }: { section: PipelineSection; slug: string }) {
  if (section.opportunities === 0) return <p>No procurement opportunities are published yet.</p>;
  return (
    <p>
      {section.opportunities} {section.opportunities === 1 ? "opportunity is" : "opportunities are"} published
      {section.lastPublishedAt
        ? `, the latest on ${formatDate(section.lastPublishedAt.slice(0, 10))}`
        : ""}. <a href={`/p/${slug}/pipeline`}>Read the procurement pipeline</a>, or{" "}
      <a href={`/api/v1/cities/${slug}/pipeline.ocds.json`}>its open data (OCDS)</a>.
    </p>
  );
}
