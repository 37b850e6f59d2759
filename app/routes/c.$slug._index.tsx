import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { can, listMembers, listOpenInvitations } from "../lib/cities.server";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, ROLES } from "../../shared/roles";
import { requireCity } from "../lib/auth.server";
import { listCityActivity } from "../lib/notifications.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city, role } = await requireCity(context, request, params.slug);
  const members = await listMembers(context.db, { cityId: city.id });
  const canInvite = can(context.actor, "invite", { type: "city", id: city.id });
  const openInvitations = canInvite
    ? (await listOpenInvitations(context.db, { cityId: city.id, now: new Date() })).length
    : 0;
  const activity = await listCityActivity(context.db, { cityId: city.id, limit: 15 });
  return json({
    activity: activity.map((item) => ({
      ...item,
      startedAt: item.startedAt.toISOString(),
      lastAt: item.lastAt.toISOString(),
    })),
    city: { slug: city.slug, name: city.name, country: city.country, since: city.createdAt.toISOString() },
    role,
    canInvite,
    openInvitations,
    memberCount: members.length,
    countsByRole: ROLES.map((r) => ({ role: r, count: members.filter((m) => m.role === r).length })),
    leads: members.filter((m) => m.role === "lead").map((m) => m.name),
  });
}

function describeStretch(startedAt: string, lastAt: string): string {
  const start = new Date(startedAt);
  const end = new Date(lastAt);
  const day = start.toLocaleDateString("en-GB", { dateStyle: "medium" });
  const time = (date: Date) => date.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit" });
  return end.getTime() - start.getTime() < 60_000
    ? `${day}, ${time(start)}`
    : `${day}, ${time(start)}–${time(end)}`;
}

export default function CityOverview() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{data.city.name}</h1>
      <p className="lead-paragraph">
        {data.city.name}&apos;s smart city programme: {data.memberCount}{" "}
        {data.memberCount === 1 ? "member" : "members"}, led by {data.leads.join(" and ")}.
      </p>
      <h2>Your role</h2>
      <div className="inset">
        <p>
          <strong>{ROLE_LABELS[data.role]}.</strong> {ROLE_DESCRIPTIONS[data.role]}
        </p>
      </div>
      <h2>Recent activity</h2>
      {data.activity.length === 0 ? (
        <p className="empty-state">No one has edited a document yet.</p>
      ) : (
        <ul className="activity" data-testid="activity">
          {data.activity.map((item) => (
            <li key={item.id}>
              {item.name} edited <Link to={`/c/${data.city.slug}/docs/${item.documentId}`}>{item.title}</Link>{" "}
              <span className="secondary">{describeStretch(item.startedAt, item.lastAt)}</span>
            </li>
          ))}
        </ul>
      )}
      <h2>People</h2>
      <dl className="summary-list">
        {data.countsByRole.map(({ role, count }) => (
          <div key={role}>
            <dt>{ROLE_LABELS[role]}s</dt>
            <dd>{count}</dd>
          </div>
        ))}
        {data.canInvite ? (
          <div>
            <dt>Open invitations</dt>
            <dd>{data.openInvitations}</dd>
          </div>
        ) : null}
      </dl>
      <p>
        <Link to={`/c/${data.city.slug}/members`}>
          {data.canInvite ? "Manage members and invite people" : "See who is in the city"}
        </Link>
      </p>
    </>
  );
}
