import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { SPACE_CITY_STATUS_LABELS } from "../../shared/spaces";
import { ErrorSummary, SelectField } from "../components/form";
import { Notice } from "../components/page";
import { Discussion, useLiveDiscussion } from "../components/spaces/Discussion";
import { can } from "../lib/cities.server";
import { validationError } from "../lib/errors.server";
import { formFailure, readForm } from "../lib/forms.server";
import {
  inviteCities,
  leaveSpace,
  listCities,
  listDocuments,
  listThreads,
  managesSpace,
  removeCity,
  replyToDiscussion,
  requireSpace,
  startDiscussion,
} from "../lib/spaces.server";

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { view } = await requireSpace(context, request, params.space);
  const manages = managesSpace(context.actor, view);
  const taking = new Set(
    view.cities
      .filter((city) => city.status === "member" || city.status === "invited")
      .map((city) => city.cityId),
  );
  const [threads, documents] = await Promise.all([
    listThreads(context.db, { spaceId: view.space.id, documentId: null }),
    listDocuments(context.db, { spaceId: view.space.id, archived: false }),
  ]);
  return json({
    space: { slug: view.space.slug, name: view.space.name, purpose: view.space.purpose },
    cities: view.cities
      .filter((city) => city.status === "member" || city.status === "invited" || manages)
      .map((city) => ({
        id: city.cityId,
        name: city.name,
        status: city.status,
        convener: city.cityId === view.space.convenerCityId,
        // Leads of a taking-part city (other than the convener) may take it out of the space.
        mayLeave:
          city.status === "member" &&
          city.cityId !== view.space.convenerCityId &&
          can(context.actor, "manageMembers", { type: "city", id: city.cityId }),
      })),
    manages,
    invitable: manages
      ? (await listCities(context.db))
          .filter((city) => !taking.has(city.id))
          .map((city) => ({ value: city.id, label: city.name }))
      : [],
    documents: documents.slice(0, 8).map((document) => ({ id: document.id, title: document.title })),
    threads: threads.map((thread) => ({
      id: thread.id,
      title: thread.title,
      posts: thread.posts.map((post) => ({ ...post, createdAt: post.createdAt.toISOString() })),
    })),
    mayWrite: can(context.actor, "comment", { type: "space", cityIds: view.cityIds }),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { user, view } = await requireSpace(context, request, params.space);
  const values = await readForm(request);
  const intent = values.intent ?? "";
  const deps = { db: context.db, realtime: context.services.realtime, collabHub: context.services.collabHub };
  const author = { actor: context.actor, userId: user.id, name: user.name };
  const cityId = values.cityId ?? "";
  try {
    switch (intent) {
      case "invite": {
        await inviteCities(deps, {
          actor: context.actor,
          view,
          userId: user.id,
          cityIds: cityId ? [cityId] : [],
          inviterName: user.name,
        });
        return json({ ok: true as const, intent, message: "Invitation sent: the city's leads answer it" });
      }
      case "remove":
        await removeCity(deps, { actor: context.actor, view, cityId, userId: user.id });
        return json({ ok: true as const, intent, message: "The city no longer takes part" });
      case "leave":
        await leaveSpace(deps, { actor: context.actor, view, cityId, userId: user.id });
        return redirect(`/c/${view.cities.find((city) => city.cityId === cityId)?.slug ?? ""}/spaces`);
      case "startThread":
        await startDiscussion(deps, { view, author, input: values });
        return json({ ok: true as const, intent, message: "" });
      case "reply":
        await replyToDiscussion(deps, { view, author, threadId: values.threadId, input: values });
        return json({ ok: true as const, intent, message: "" });
      default:
        throw validationError({}, "That action is not known");
    }
  } catch (error) {
    return formFailure(error, values, intent);
  }
}

export default function SpaceOverview() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  const failure = result && !result.ok ? result : undefined;
  const base = `/s/${data.space.slug}`;
  useLiveDiscussion(data.space.slug);

  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      {result?.ok && result.message ? <Notice title={result.message} /> : null}
      <h1>{data.space.name}</h1>
      {data.space.purpose ? <p className="lead-paragraph">{data.space.purpose}</p> : null}

      <div className="space-grid">
        <div>
          <Discussion threads={data.threads} action={base + "?index"} mayWrite={data.mayWrite} />
        </div>
        <aside className="space-aside">
          <section aria-labelledby="cities-heading">
            <h2 id="cities-heading">Cities</h2>
            <ul className="space-cities">
              {data.cities.map((city) => (
                <li key={city.id}>
                  <span>
                    {city.name}
                    {city.convener ? <span className="caption"> · convener</span> : null}
                    {city.status !== "member" ? (
                      <span className="caption"> · {SPACE_CITY_STATUS_LABELS[city.status]}</span>
                    ) : null}
                  </span>
                  {data.manages &&
                  !city.convener &&
                  (city.status === "member" || city.status === "invited") ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="cityId" value={city.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="remove"
                        className="link-button"
                        disabled={busy}
                      >
                        {city.status === "invited" ? "Withdraw invitation" : "Remove"}
                        <span className="visually-hidden"> {city.name}</span>
                      </button>
                    </Form>
                  ) : null}
                  {city.mayLeave ? (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="cityId" value={city.id} />
                      <button
                        type="submit"
                        name="intent"
                        value="leave"
                        className="link-button"
                        disabled={busy}
                      >
                        Leave for {city.name}
                      </button>
                    </Form>
                  ) : null}
                </li>
              ))}
            </ul>
            {data.manages ? (
              data.invitable.length > 0 ? (
                <Form method="post" className="stack">
                  <input type="hidden" name="intent" value="invite" />
                  <SelectField
                    name="cityId"
                    label="Invite a city"
                    options={data.invitable}
                    error={failure?.intent === "invite" ? failure.fieldErrors.cityIds : undefined}
                  />
                  <button type="submit" className="button button--small" disabled={busy}>
                    Invite
                  </button>
                </Form>
              ) : (
                <p className="caption">Every city of the workspace takes part or is invited.</p>
              )
            ) : null}
          </section>
          <section aria-labelledby="documents-heading">
            <h2 id="documents-heading">Documents</h2>
            {data.documents.length === 0 ? (
              <p className="empty-state">No documents yet.</p>
            ) : (
              <ul>
                {data.documents.map((document) => (
                  <li key={document.id}>
                    <Link to={`${base}/docs/${document.id}`}>{document.title}</Link>
                  </li>
                ))}
              </ul>
            )}
            <p>
              <Link to={`${base}/docs`}>All documents</Link>
            </p>
          </section>
        </aside>
      </div>
    </>
  );
}
