import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useState } from "react";
import { createCity } from "../lib/cities.server";
import { LIMITS } from "../../shared/validation";
import { ErrorSummary, TextField } from "../components/form";
import { PageHeading } from "../components/page";
import { requireUser } from "../lib/auth.server";
import { formFailure, readForm } from "../lib/forms.server";

export const meta: MetaFunction = () => [{ title: "Create a city · SCF Workspace" }];

export function loader({ context, request }: LoaderFunctionArgs) {
  requireUser(context, request);
  return null;
}

export async function action({ context, request }: ActionFunctionArgs) {
  const user = requireUser(context, request);
  const values = await readForm(request);
  try {
    const city = await createCity(context.db, user.id, values);
    return redirect(`/c/${city.slug}`);
  } catch (error) {
    return formFailure(error, values);
  }
}

function slugFrom(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, LIMITS.citySlugMax);
}

export default function NewCity() {
  const failure = useActionData<typeof action>();
  const navigation = useNavigation();
  const [name, setName] = useState(failure?.values.name ?? "");
  const [slug, setSlug] = useState(failure?.values.slug ?? "");
  const [slugEdited, setSlugEdited] = useState(Boolean(failure?.values.slug));
  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      <PageHeading>Create a city</PageHeading>
      <p>You will be the city&apos;s lead: you can invite people and give each of them a role.</p>
      <Form method="post" noValidate>
        <TextField
          name="name"
          label="City name"
          maxLength={LIMITS.cityNameLength}
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            if (!slugEdited) setSlug(slugFrom(event.target.value));
          }}
          error={failure?.fieldErrors.name}
        />
        <TextField
          name="slug"
          label="Web address"
          hint="The city's pages live at /c/ followed by this: lowercase letters, numbers and hyphens."
          spellCheck={false}
          autoCapitalize="none"
          maxLength={LIMITS.citySlugMax}
          value={slug}
          onChange={(event) => {
            setSlug(event.target.value);
            setSlugEdited(true);
          }}
          error={failure?.fieldErrors.slug}
        />
        <TextField
          name="country"
          label="Country"
          autoComplete="country-name"
          maxLength={LIMITS.countryLength}
          defaultValue={failure?.values.country ?? "United Kingdom"}
          error={failure?.fieldErrors.country}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Creating…" : "Create city"}
        </button>
      </Form>
    </>
  );
}
