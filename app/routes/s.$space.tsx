import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS } from "../../shared/roles";
import { strongestRole } from "../lib/cities.server";
import { findJointProcurement } from "../lib/joint-procurement.server";
import { requireSpace } from "../lib/spaces.server";
import spacesStylesHref from "../styles/spaces.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: spacesStylesHref }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { view } = await requireSpace(context, request, params.space);
  const role = strongestRole(context.actor, view.cityIds);
  const joint = await findJointProcurement(context.db, { spaceId: view.space.id });
  return json({
    space: {
      slug: view.space.slug,
      name: view.space.name,
      purpose: view.space.purpose,
      open: view.space.open,
    },
    cities: view.cities.filter((city) => city.status === "member").map((city) => city.name),
    role,
    joint: joint !== null,
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.space.name} · SCF Workspace` : "SCF Workspace" },
];

export default function SpaceLayout() {
  const { space, cities, role, joint } = useLoaderData<typeof loader>();
  const base = `/s/${space.slug}`;
  return (
    <>
      <div className="page-heading">
        <span className="caption">
          {joint ? "Joint procurement" : space.open ? "Network" : "Shared space"} · {cities.join(", ")}
          {role ? ` · you are ${ROLE_LABELS[role].toLowerCase()}` : ""}
        </span>
      </div>
      <nav className="city-nav" aria-label={`${space.name} sections`}>
        <ul>
          <li>
            <NavLink to={base} end>
              Overview
            </NavLink>
          </li>
          {joint ? (
            <li>
              <NavLink to={`${base}/opportunity`}>Joint opportunity</NavLink>
            </li>
          ) : null}
          {joint ? null : (
            <li>
              <NavLink to={`${base}/lessons`}>Lessons</NavLink>
            </li>
          )}
          <li>
            <NavLink to={`${base}/docs`}>Documents</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}
