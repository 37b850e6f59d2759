import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  json,
  MaxPartSizeExceededError,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { ErrorSummary, TextField } from "../components/form";
import { Notice, PageHeading } from "../components/page";
import { requireCity } from "../lib/auth.server";
import { CSV_MAX_BYTES, importRoadmapCsv } from "../lib/boards.server";
import { validationError } from "../lib/errors.server";
import { formFailure } from "../lib/forms.server";

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `Import roadmap items · ${data.city.name} · SCF Workspace` : "SCF Workspace" },
];

export async function loader({ context, request, params }: LoaderFunctionArgs) {
  const { city } = await requireCity(context, request, params.slug, "edit");
  return json({ city: { slug: city.slug, name: city.name } });
}

const chooseFile = () => validationError({ file: "Choose a CSV file to import" });

/** The uploaded file, read into memory up to the size limit. */
async function readUpload(request: Request): Promise<File> {
  let form: FormData;
  try {
    form = await unstable_parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({
        maxPartSize: CSV_MAX_BYTES,
        filter: ({ name }) => name === "file",
      }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) {
      const message = "The file is larger than 2 MB: split it into smaller files and import each";
      throw validationError({ file: message }, message);
    }
    // A submission that is not a file upload at all.
    if (error instanceof TypeError) throw chooseFile();
    throw error;
  }
  const file = form.get("file");
  if (!(file instanceof File) || (file.size === 0 && file.name === "")) throw chooseFile();
  return file;
}

export async function action({ context, request, params }: ActionFunctionArgs) {
  const { city, user } = await requireCity(context, request, params.slug, "edit");
  try {
    const file = await readUpload(request);
    const report = await importRoadmapCsv(context.db, {
      cityId: city.id,
      userId: user.id,
      hub: context.services.collabHub,
      file: { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name },
    });
    return json({ ok: true as const, report });
  } catch (error) {
    return formFailure(error, {});
  }
}

const items = (count: number) => `${count} ${count === 1 ? "item" : "items"}`;
const rows = (count: number) => `${count} ${count === 1 ? "row" : "rows"}`;

export default function ImportRoadmap() {
  const { city } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failure = result && !result.ok ? result : undefined;
  const report = result?.ok ? result.report : undefined;
  const roadmap = `/c/${city.slug}/roadmap`;

  return (
    <>
      <ErrorSummary message={failure?.message} fieldErrors={failure?.fieldErrors} />
      {report ? (
        <Notice
          title={report.imported > 0 ? `Imported ${items(report.imported)}.` : "No items were imported."}
        >
          <p>
            {report.imported > 0 ? "They are at the end of the roadmap. " : ""}
            <Link to={roadmap}>Back to the roadmap</Link>
          </p>
        </Notice>
      ) : null}
      {report && report.rejectedRows > 0 ? (
        <section aria-labelledby="problems-title">
          <h2 id="problems-title">{rows(report.rejectedRows)} could not be imported:</h2>
          <p>
            Correct them in the file and import those rows again; rows are counted with the headings as row 1.
          </p>
          <div className="table-wrap">
            <table className="table table--stack">
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Column</th>
                  <th scope="col">Reason</th>
                </tr>
              </thead>
              <tbody>
                {report.problems.map((problem, index) => (
                  <tr key={index}>
                    <td data-label="Row">{problem.row}</td>
                    <td data-label="Column">{problem.column}</td>
                    <td data-label="Reason">{problem.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
      {report && report.ignoredColumns.length > 0 ? (
        <p>These columns are not part of a roadmap and were left out: {report.ignoredColumns.join(", ")}.</p>
      ) : null}

      <PageHeading caption={city.name}>Import roadmap items</PageHeading>
      <p>
        Add items to the roadmap from a CSV file, such as a spreadsheet saved as CSV. The first row names the
        columns; only Title is required. The easiest start is an{" "}
        <a href={`${roadmap}/export.csv`}>export of the roadmap</a>: it has every column in the form an import
        reads.
      </p>
      <ul>
        <li>Phase, Status and Risk as the roadmap shows them, such as Deliver, In progress, High.</li>
        <li>Dates as YYYY-MM-DD or DD/MM/YYYY; Quick win and Milestone as Yes or No.</li>
        <li>Owner: a member&apos;s name or email, or the name of a partner organisation.</li>
        <li>Depends on: the IDs of other rows of the same file, separated by semicolons.</li>
        <li>Checkpoints: a date and a label each, separated by semicolons.</li>
      </ul>
      <p>Rows with a value that is not valid are left out, and listed with the reason.</p>
      <Form method="post" encType="multipart/form-data" noValidate>
        <TextField
          type="file"
          name="file"
          label="CSV file"
          hint="Up to 2 MB and 5,000 items. The items are added at the end of the roadmap."
          accept=".csv,text/csv"
          error={failure?.fieldErrors.file}
        />
        <button type="submit" className="button" disabled={navigation.state === "submitting"}>
          {navigation.state === "submitting" ? "Importing…" : "Import items"}
        </button>{" "}
        <Link to={roadmap} className="button button--secondary">
          Back to the roadmap
        </Link>
      </Form>
    </>
  );
}
