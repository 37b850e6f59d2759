import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { listCitiesOfUser } from "../lib/cities.server";
import { ROLE_LABELS } from "../../shared/roles";
import { PageHeading } from "../components/page";

export const meta: MetaFunction = () => [
  { title: "SCF Workspace" },
  {
    name: "description",
    content: "A shared, live workspace for the people who run smart city programmes under PAS 181.",
  },
];

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.user) return json({ signedIn: false as const });
  const cities = await listCitiesOfUser(context.db, { userId: context.user.id });
  return json({
    signedIn: true as const,
    name: context.user.name,
    cities: cities.map(({ slug, name, country, role }) => ({ slug, name, country, role })),
  });
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  if (!data.signedIn) {
    return (
      <>
        <PageHeading>Run your smart city programme together</PageHeading>
        <p className="lead-paragraph">
          SCF Workspace gives city leaders, programme staff, partners and communities one place to shape a
          city&apos;s vision, roadmap and procurement, following the Smart City Framework of PAS 181.
        </p>
        <p>
          <Link to="/signup" className="button">
            Create an account
          </Link>
          <Link to="/login" className="button button--secondary">
            Sign in
          </Link>
        </p>
        <p>
          Supplying cities? <Link to="/pipelines">See what cities plan to buy</Link>, with no account needed,
          and create one to register your interest.
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading caption={`Signed in as ${data.name}`}>Your cities</PageHeading>
      {data.cities.length === 0 ? (
        <div className="empty-state">
          <p>You do not belong to any city yet.</p>
          <p>
            Create a city to start its programme, or ask a city&apos;s lead to invite you: the invitation link
            brings you straight in.
          </p>
          <p>
            If you supply cities, <Link to="/pipelines">browse every city&apos;s published pipeline</Link> and
            register your interest in what they plan to buy.
          </p>
        </div>
      ) : (
        <ul className="card-list">
          {data.cities.map((city) => (
            <li className="card" key={city.slug}>
              <h2>
                <Link to={`/c/${city.slug}`}>{city.name}</Link>
              </h2>
              <p className="secondary">{city.country}</p>
              <span className="tag">{ROLE_LABELS[city.role]}</span>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/cities/new" className="button">
          Create a city
        </Link>
        <Link to="/pipelines" className="button button--secondary">
          Every city&apos;s pipelines
        </Link>
      </p>
    </>
  );
}
