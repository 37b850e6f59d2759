import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { CHALLENGE_THEMES, type Lesson } from "../../shared/boards/lessons";
import { CLAUSES } from "../../shared/scf/catalogue";
import { ErrorSummary, SelectField, TextField } from "../components/form";
import { formFailure, readForm } from "../lib/forms.server";
import { editingCities, findLessons, lessonPath, requireSpace, writeLesson } from "../lib/spaces.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Lessons · ${data.space.name} · SCF Workspace` : "SCF Workspace" },
];

const THEME_LABELS = new Map<string, string>(CHALLENGE_THEMES.map((theme) => [theme.value, theme.label]));

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { view } = await requireSpace(context, request, params.space);
  const url = new URL(request.url);
  const filters = {
    q: url.searchParams.get("q")?.trim() ?? "",
    clause: url.searchParams.get("clause") ?? "",
    theme: url.searchParams.get("theme") ?? "",
    city: url.searchParams.get("city") ?? "",
  };
  const lessons = await findLessons(context.db, { view, filters });
  const memberCities = view.cities.filter((city) => city.status === "member");
  const writingFor = new Set(editingCities(context.actor, view));
  return json({
    space: { slug: view.space.slug, name: view.space.name },
    filters,
    cities: memberCities.map((city) => ({ value: city.slug, label: city.name })),
    writingCities: memberCities
      .filter((city) => writingFor.has(city.cityId))
      .map((city) => ({ value: city.cityId, label: city.name })),
    lessons: lessons.map((lesson) => {
      const values = (lesson.values ?? {}) as Lesson;
      return {
        path: lessonPath(view.space.slug, lesson.citySlug, lesson.rowId),
        title: values.title ?? "A lesson being written",
        need: (values.need ?? "").slice(0, 280),
        cityName: lesson.cityName,
        themes: (values.themes ?? []).map((theme) => THEME_LABELS.get(theme) ?? theme),
        clauses: values.clauses ?? [],
        usefulCount: lesson.usefulCount,
        adoptionCount: lesson.adoptionCount,
        createdAt: lesson.createdAt.toISOString(),
      };
    }),
  });
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { user, view } = await requireSpace(context, request, params.space);
  const values = await readForm(request);
  try {
    const { path } = await writeLesson(
      { db: context.db, realtime: context.services.realtime, collabHub: context.services.collabHub },
      {
        actor: context.actor,
        view,
        userId: user.id,
        userName: user.name,
        cityId: values.cityId ?? "",
        input: values,
      },
    );
    return redirect(path);
  } catch (error) {
    return formFailure(error, values);
  }
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

export default function Lessons() {
  const { space, filters, cities, writingCities, lessons } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const filtered = Boolean(filters.q || filters.clause || filters.theme || filters.city);
  return (
    <>
      {failure ? <ErrorSummary message={failure.message} fieldErrors={failure.fieldErrors} /> : null}
      <h1>Lessons</h1>
      <p className="lead-paragraph">
        What cities in {space.name} have learned, each written by its city in the framework&apos;s pattern:
        the context, the need, what was done and what came of it. Mark what helps, discuss it, and adopt it
        into your own roadmap.
      </p>

      {writingCities.length > 0 ? (
        <Form method="post" className="lesson-new stack" aria-labelledby="new-lesson-heading">
          <h2 id="new-lesson-heading">Write a lesson</h2>
          <TextField
            name="title"
            label="What did your city learn?"
            hint="A title in a line; you fill in the rest on the next page, with your colleagues if you like"
            maxLength={200}
            defaultValue={failure?.values.title}
            error={failure?.fieldErrors.title}
            required
          />
          {writingCities.length > 1 ? (
            <SelectField
              name="cityId"
              label="For which city"
              options={writingCities}
              defaultValue={failure?.values.cityId}
              error={failure?.fieldErrors.cityId}
            />
          ) : (
            <input type="hidden" name="cityId" value={writingCities[0]!.value} />
          )}
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Starting…" : "Start the lesson"}
          </button>
        </Form>
      ) : null}

      <Form method="get" className="lesson-filters" role="search" aria-label="Find lessons">
        <TextField name="q" label="Words" type="search" defaultValue={filters.q} />
        <SelectField
          name="clause"
          label="SCF clause"
          defaultValue={filters.clause}
          options={[
            { value: "", label: "Any clause" },
            ...CLAUSES.map((clause) => ({ value: clause.id, label: `${clause.id} ${clause.title}` })),
          ]}
        />
        <SelectField
          name="theme"
          label="Challenge theme"
          defaultValue={filters.theme}
          options={[{ value: "", label: "Any theme" }, ...CHALLENGE_THEMES]}
        />
        <SelectField
          name="city"
          label="City"
          defaultValue={filters.city}
          options={[{ value: "", label: "Any city" }, ...cities]}
        />
        <div className="inline-form">
          <button type="submit" className="button button--secondary">
            Find
          </button>
          {filtered ? <Link to={`/s/${space.slug}/lessons`}>Clear</Link> : null}
        </div>
      </Form>

      <h2 className="visually-hidden">Lessons found</h2>
      <p role="status" className="caption">
        {plural(lessons.length, "lesson", "lessons")}
        {filtered ? " match" : ""}
      </p>
      {lessons.length === 0 ? (
        <p className="empty-state">
          {filtered
            ? "No lesson matches: try fewer words or another filter."
            : "No lessons yet. When a city writes one, it appears here for every city in the space."}
        </p>
      ) : (
        <ul className="space-list">
          {lessons.map((lesson) => (
            <li key={lesson.path} className="space-list__item lesson-card">
              <Link to={lesson.path} className="lesson-card__title">
                {lesson.title}
              </Link>
              <p className="caption">
                {lesson.cityName} ·{" "}
                {plural(lesson.usefulCount, "person found it useful", "people found it useful")}
                {lesson.adoptionCount > 0
                  ? ` · adopted into ${plural(lesson.adoptionCount, "roadmap", "roadmaps")}`
                  : ""}
              </p>
              {lesson.need ? <p>{lesson.need}</p> : null}
              {lesson.themes.length > 0 || lesson.clauses.length > 0 ? (
                <p className="caption">
                  {[...lesson.themes, ...lesson.clauses.map((clause) => `SCF ${clause}`)].join(" · ")}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
