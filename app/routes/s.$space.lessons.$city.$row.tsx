import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { presenceColour } from "../../shared/collab";
import { LESSONS, type Lesson } from "../../shared/boards/lessons";
import { ErrorSummary, SelectField } from "../components/form";
import { Discussion, useLiveDiscussion } from "../components/spaces/Discussion";
import { EmbeddedRow } from "../components/board/EmbeddedRow";
import { can } from "../lib/cities.server";
import { validationError } from "../lib/errors.server";
import { asResponse, formFailure, readForm } from "../lib/forms.server";
import {
  adoptLesson,
  editingCities,
  isMarkedBy,
  listAdoptions,
  listThreads,
  markUseful,
  replyToDiscussion,
  requireLesson,
  requireSpace,
  startDiscussion,
} from "../lib/spaces.server";
import boardStylesHref from "../styles/board.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: boardStylesHref }];

async function requireLessonOfSpace(
  context: LoaderFunctionArgs["context"],
  request: Request,
  params: LoaderFunctionArgs["params"],
) {
  const { user, view } = await requireSpace(context, request, params.space);
  const lesson = await requireLesson(context.db, {
    view,
    citySlug: params.city ?? "",
    rowId: params.row ?? "",
  }).catch(asResponse);
  return { user, view, lesson };
}

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { user, view, lesson } = await requireLessonOfSpace(context, request, params);
  const [adoptions, threads, marked] = await Promise.all([
    listAdoptions(context.db, lesson),
    listThreads(context.db, { spaceId: view.space.id, documentId: lesson.documentId, rowId: lesson.rowId }),
    isMarkedBy(context.db, { ...lesson, userId: user.id }),
  ]);
  const adoptingFor = new Set(
    editingCities(context.actor, view).filter((cityId) => cityId !== lesson.cityId),
  );
  const title = ((lesson.values ?? {}) as Lesson).title ?? "A lesson being written";
  return json({
    space: { slug: view.space.slug, name: view.space.name },
    lesson: {
      documentId: lesson.documentId,
      rowId: lesson.rowId,
      title,
      cityName: lesson.cityName,
      createdAt: lesson.createdAt.toISOString(),
      usefulCount: lesson.usefulCount,
      marked,
    },
    adoptions: adoptions.map((adoption) => ({
      cityName: adoption.cityName,
      // Only the adopting city's own members follow the link into its roadmap.
      roadmapPath: can(context.actor, "view", { type: "city", id: adoption.cityId })
        ? `/c/${adoption.citySlug}/roadmap?item=${encodeURIComponent(adoption.roadmapRowId)}`
        : null,
      adoptedBy: adoption.adoptedByName,
      adoptedAt: adoption.adoptedAt.toISOString(),
    })),
    adoptingCities: view.cities
      .filter((city) => adoptingFor.has(city.cityId))
      .map((city) => ({ value: city.cityId, label: city.name })),
    threads: threads.map((thread) => ({
      id: thread.id,
      title: thread.title,
      posts: thread.posts.map((post) => ({ ...post, createdAt: post.createdAt.toISOString() })),
    })),
    user: { id: user.id, name: user.name, color: presenceColour(user.id) },
    mayEdit: can(context.actor, "edit", { type: "space", cityIds: view.cityIds, ownerCityId: lesson.cityId }),
    mayWrite: can(context.actor, "comment", { type: "space", cityIds: view.cityIds }),
  });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.lesson.title} · ${data.space.name} · SCF Workspace` : "SCF Workspace" },
];

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { user, view, lesson } = await requireLessonOfSpace(context, request, params);
  const values = await readForm(request);
  const intent = values.intent ?? "";
  const deps = { db: context.db, realtime: context.services.realtime, collabHub: context.services.collabHub };
  const author = { actor: context.actor, userId: user.id, name: user.name };
  try {
    switch (intent) {
      case "useful": {
        const marked = await markUseful(context.db, { lesson, userId: user.id });
        return json({ ok: true as const, intent, marked });
      }
      case "adopt": {
        const { roadmapPath } = await adoptLesson(deps, {
          actor: context.actor,
          view,
          lesson,
          userId: user.id,
          userName: user.name,
          cityId: values.cityId ?? "",
        });
        return redirect(roadmapPath);
      }
      case "startThread":
        await startDiscussion(deps, {
          view,
          author,
          documentId: lesson.documentId,
          rowId: lesson.rowId,
          input: values,
        });
        return json({ ok: true as const, intent });
      case "reply":
        await replyToDiscussion(deps, { view, author, threadId: values.threadId, input: values });
        return json({ ok: true as const, intent });
      default:
        throw validationError({}, "That action is not known");
    }
  } catch (error) {
    return formFailure(error, values, intent);
  }
}

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium" });

export default function LessonRoute() {
  const data = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const failure = result && !result.ok ? result : undefined;
  const { lesson } = data;
  const marked = result?.ok && result.intent === "useful" ? result.marked : lesson.marked;
  const usefulCount = lesson.usefulCount + (marked === lesson.marked ? 0 : marked ? 1 : -1);
  useLiveDiscussion(data.space.slug);
  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      <div className="page-heading">
        <span className="caption">
          <Link to={`/s/${data.space.slug}/lessons`}>Lessons</Link> · {lesson.cityName} · written{" "}
          {dateFormat.format(new Date(lesson.createdAt))}
        </span>
        <h1>{lesson.title}</h1>
      </div>

      <div className="lesson-actions inline-form">
        <Form method="post" preventScrollReset>
          <input type="hidden" name="intent" value="useful" />
          <button type="submit" className="button button--secondary" aria-pressed={marked} disabled={busy}>
            {marked ? "Useful ✓" : "Mark as useful"}
          </button>
        </Form>
        <span className="caption" data-testid="useful-count">
          {usefulCount === 1 ? "1 person found it useful" : `${usefulCount} people found it useful`}
        </span>
      </div>

      {data.adoptingCities.length > 0 ? (
        <Form method="post" className="lesson-adopt inline-form">
          <input type="hidden" name="intent" value="adopt" />
          {data.adoptingCities.length > 1 ? (
            <SelectField
              name="cityId"
              label="Adopt into the roadmap of"
              options={data.adoptingCities}
              error={failure?.intent === "adopt" ? failure.fieldErrors.cityId : undefined}
            />
          ) : (
            <input type="hidden" name="cityId" value={data.adoptingCities[0]!.value} />
          )}
          <button type="submit" className="button" disabled={busy}>
            {data.adoptingCities.length > 1
              ? "Adopt into our roadmap"
              : `Adopt into ${data.adoptingCities[0]!.label}'s roadmap`}
          </button>
        </Form>
      ) : null}

      {data.adoptions.length > 0 ? (
        <section aria-labelledby="adoptions-heading">
          <h2 id="adoptions-heading">Adopted by</h2>
          <ul>
            {data.adoptions.map((adoption, index) => (
              <li key={index}>
                {adoption.roadmapPath ? (
                  <Link to={adoption.roadmapPath}>{adoption.cityName}</Link>
                ) : (
                  adoption.cityName
                )}
                <span className="caption">
                  {" "}
                  · {dateFormat.format(new Date(adoption.adoptedAt))}
                  {adoption.adoptedBy ? ` by ${adoption.adoptedBy}` : ""}
                </span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <EmbeddedRow
        key={lesson.documentId + lesson.rowId}
        spec={LESSONS}
        documentId={lesson.documentId}
        rowId={lesson.rowId}
        user={data.user}
        mayEdit={data.mayEdit}
        boardName={lesson.cityName}
        loading="Loading the lesson…"
        change="a change to the lesson"
        gone="This lesson has been taken down by its city."
        className="lesson-panel"
      />

      <Discussion threads={data.threads} action="" mayWrite={data.mayWrite} />
    </>
  );
}
