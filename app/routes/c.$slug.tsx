import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { ROLE_LABELS } from "../../shared/roles";
import { SEARCH_QUERY_MAX_LENGTH } from "../../shared/search";
import { CommandPalette } from "../components/CommandPalette";
import { requireCity } from "../lib/auth.server";
import { useCityPresence } from "../lib/realtime";
import searchStylesHref from "../styles/search.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: searchStylesHref }];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city, role } = await requireCity(context, request, params.slug);
  return json({ city: { slug: city.slug, name: city.name, country: city.country }, role });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

function OnlineNow({ citySlug }: { citySlug: string }) {
  const people = useCityPresence(citySlug);
  if (!people || people.length === 0) return null;
  return (
    <p className="online-now" aria-live="polite">
      <span className="online-now__dot" aria-hidden="true" />
      Online now: {people.map((person) => person.name).join(", ")}
    </p>
  );
}

export default function CityLayout() {
  const { city, role } = useLoaderData<typeof loader>();
  return (
    <>
      <div className="page-heading">
        <span className="caption">
          {city.country} · you are {ROLE_LABELS[role].toLowerCase()}
        </span>
        <OnlineNow citySlug={city.slug} />
      </div>
      <nav className="city-nav" aria-label={`${city.name} sections`}>
        <ul>
          <li>
            <NavLink to={`/c/${city.slug}`} end>
              Overview
            </NavLink>
          </li>
          <li>
            <NavLink to={`/c/${city.slug}/docs`}>Documents</NavLink>
          </li>
          <li>
            <NavLink to={`/c/${city.slug}/roadmap`}>Roadmap</NavLink>
          </li>
          <li>
            <NavLink to={`/c/${city.slug}/procurement`}>Procurement</NavLink>
          </li>
          <li>
            <NavLink to={`/c/${city.slug}/framework`}>Framework</NavLink>
          </li>
          <li>
            <NavLink to={`/c/${city.slug}/governance`}>Governance</NavLink>
          </li>
          <li>
            <NavLink to={`/c/${city.slug}/spaces`}>Spaces</NavLink>
          </li>
          <li>
            <NavLink to={`/c/${city.slug}/members`}>Members</NavLink>
          </li>
        </ul>
        <div className="city-tools">
          <Form method="get" action={`/c/${city.slug}/search`} role="search" className="city-search">
            <label className="visually-hidden" htmlFor="city-search">
              Search {city.name}&apos;s documents
            </label>
            <input
              className="input city-search__input"
              type="search"
              id="city-search"
              name="q"
              maxLength={SEARCH_QUERY_MAX_LENGTH}
              placeholder="Search documents"
              autoComplete="off"
            />
            <button type="submit" className="button button--small button--secondary">
              Search
            </button>
          </Form>
          <CommandPalette citySlug={city.slug} />
        </div>
      </nav>
      <Outlet />
    </>
  );
}
