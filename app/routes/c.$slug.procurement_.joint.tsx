import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, SelectField } from "../components/form";
import { PageHeading } from "../components/page";
import { requireCity } from "../lib/auth.server";
import { formFailure } from "../lib/forms.server";
import { listJointProcurementsFrom, proposeJointProcurement } from "../lib/joint-procurement.server";
import { publishingOverview } from "../lib/procurement.server";
import { listCities } from "../lib/spaces.server";
import spacesStylesHref from "../styles/spaces.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: spacesStylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Propose a joint procurement · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug, "publish");
  const overview = await publishingOverview(context.db, { cityId: city.id, city });
  return json({
    city: { slug: city.slug, name: city.name },
    opportunities: overview.opportunities
      .filter((entry) => entry.title)
      .map((entry) => ({ value: entry.rowId, label: entry.title ?? "" })),
    cities: (await listCities(context.db))
      .filter((other) => other.id !== city.id)
      .map((other) => ({ id: other.id, name: other.name, slug: other.slug })),
    existing: await listJointProcurementsFrom(context.db, { cityId: city.id }),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "publish");
  const form = await request.formData();
  const rowId = String(form.get("rowId") ?? "");
  const cityIds = form.getAll("city").map(String);
  try {
    const space = await proposeJointProcurement(
      { db: context.db, realtime: context.services.realtime },
      {
        actor: context.actor,
        cityId: city.id,
        userId: user.id,
        userName: user.name,
        rowId,
        invitedCityIds: cityIds,
      },
    );
    return redirect(`/s/${space.slug}/opportunity`);
  } catch (error) {
    return formFailure(error, { rowId, cities: cityIds.join(",") });
  }
}

export default function ProposeJointProcurement() {
  const { city, opportunities, cities, existing } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const [searchParams] = useSearchParams();
  const chosenRow = result?.values.rowId ?? searchParams.get("row") ?? undefined;
  const chosenCities = new Set(
    (result?.values.cities ?? searchParams.get("cities") ?? "").split(",").filter(Boolean),
  );
  const citiesError = result?.fieldErrors.cities;

  return (
    <>
      <ErrorSummary message={result?.message} fieldErrors={result?.fieldErrors} />
      <p>
        <Link to={`/c/${city.slug}/procurement`}>Back to the pipeline</Link>
      </p>
      <PageHeading caption={city.name}>Propose a joint procurement</PageHeading>
      <p>
        Buy one of {city.name}&apos;s opportunities together with other cities. {city.name} leads the purchase
        as the buyer that runs it; each invited city&apos;s lead accepts or declines. The cities that accept
        work on the joint opportunity live in a shared space that only they can see.
      </p>
      {opportunities.length === 0 ? (
        <p className="empty-state">The pipeline has no opportunity with a title yet.</p>
      ) : (
        <Form method="post" className="stack">
          <SelectField
            name="rowId"
            label="Opportunity"
            options={opportunities}
            defaultValue={chosenRow}
            error={result?.fieldErrors.rowId}
          />
          <fieldset
            className="field"
            aria-describedby={citiesError ? "cities-error" : undefined}
            aria-invalid={citiesError ? true : undefined}
          >
            <legend className="field__label">Cities to invite</legend>
            {citiesError ? (
              <p className="field__error" id="cities-error">
                <span className="visually-hidden">Error: </span>
                {citiesError}
              </p>
            ) : null}
            {cities.map((other) => (
              <div key={other.id} className="checkbox-field">
                <input
                  type="checkbox"
                  id={`city-${other.slug}`}
                  name="city"
                  value={other.id}
                  defaultChecked={chosenCities.has(other.id) || chosenCities.has(other.slug)}
                />
                <label htmlFor={`city-${other.slug}`}>{other.name}</label>
              </div>
            ))}
          </fieldset>
          <button type="submit" className="button" disabled={navigation.state !== "idle"}>
            {navigation.state === "idle" ? "Propose and invite" : "Proposing…"}
          </button>
        </Form>
      )}
      {existing.length > 0 ? (
        <section aria-labelledby="existing-heading">
          <h2 id="existing-heading">Joint procurements {city.name} has proposed</h2>
          <ul>
            {existing.map((entry) => (
              <li key={entry.spaceSlug}>
                <Link to={`/s/${entry.spaceSlug}/opportunity`}>{entry.spaceName}</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
