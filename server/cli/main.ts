import { parseArgs, type ParseArgsConfig } from "node:util";
import { openDatabase, type DatabaseHandle } from "../../db/connect";
import { EmbeddedDatabaseBusyError } from "../../db/embedded-lock";
import { migrateToLatest } from "../../db/migrate";
import { findCityBySlug } from "../../db/repositories/cities";
import { findRole, insertMembership } from "../../db/repositories/memberships";
import { findCredentialsByEmail } from "../../db/repositories/users";
import { DOCUMENT_KINDS } from "../../shared/documents";
import { ROLES, isRole } from "../../shared/roles";
import { createDocument } from "../documents/commands";
import { email as emailSchema } from "../../shared/validation";
import { signUp } from "../accounts/commands";
import { rebuildProjections } from "../boards/projection";
import { changeRole, createCity } from "../cities/commands";
import { ConfigError, loadConfig } from "../config";
import { DemoAlreadySeededError, formatDemoLogins, seedDemo } from "../demo";
import { DomainError } from "../errors";

/** A mistake in how the command was called: printed with the usage, exit code 2. */
class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig["options"]>;

interface Command {
  usage: string;
  summary: string;
  options: Options;
  run(db: DatabaseHandle, values: Record<string, string | undefined>): Promise<string>;
}

const text = (description: string) => ({ type: "string" as const, description });

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (value === undefined || value.trim() === "") throw new UsageError(`--${name} is required`);
  return value;
}

const COMMANDS: Record<string, Command> = {
  migrate: {
    usage: "scf migrate",
    summary: "Bring the database schema up to date.",
    options: {},
    run: async () => "The database schema is up to date.",
  },
  "seed-demo": {
    usage: "scf seed-demo",
    summary: "Add three fictional demo cities with a lead, editor, commenter and viewer each.",
    options: {},
    run: async ({ db }) => formatDemoLogins(await seedDemo(db)),
  },
  "user create": {
    usage: "scf user create --email E --password P --name N",
    summary: "Create an account.",
    options: {
      email: text("sign-in email"),
      password: text(`password (at least 10 characters)`),
      name: text("full name"),
    },
    run: async ({ db }, values) => {
      const user = await signUp(db, {
        email: required(values, "email"),
        password: required(values, "password"),
        name: required(values, "name"),
      });
      return `Created user ${user.email} (${user.id}).`;
    },
  },
  "city create": {
    usage: "scf city create --slug S --name N [--country C] [--lead EMAIL]",
    summary: "Create a city, optionally with an existing user as its lead.",
    options: {
      slug: text("web address: lowercase letters, numbers and hyphens"),
      name: text("the city's name"),
      country: text("country (default: United Kingdom)"),
      lead: text("email of an existing user who becomes the lead"),
    },
    run: async ({ db }, values) => {
      const input = {
        slug: required(values, "slug"),
        name: required(values, "name"),
        country: values.country ?? "United Kingdom",
      };
      if (values.lead === undefined) {
        const city = await createCity(db, null, input);
        return `Created city ${city.slug} (${city.id}). Add its lead with scf member add.`;
      }
      const lead = await findCredentialsByEmail(db, { email: values.lead.trim().toLowerCase() });
      if (!lead) throw new UsageError(`No user has the email ${values.lead}`);
      const city = await createCity(db, lead.user.id, input);
      return `Created city ${city.slug} (${city.id}) with ${lead.user.email} as lead.`;
    },
  },
  "doc create": {
    usage: "scf doc create --city S --kind K --title T",
    summary: `Create an empty document in a city and print its id (kinds: ${DOCUMENT_KINDS.join(", ")}).`,
    options: {
      city: text("the city's slug"),
      kind: text(DOCUMENT_KINDS.join(" | ")),
      title: text("the document's title"),
    },
    run: async ({ db }, values) => {
      const slug = required(values, "city");
      const city = await findCityBySlug(db, { slug });
      if (!city) throw new UsageError(`No city has the slug ${slug}`);
      const document = await createDocument(db, {
        cityId: city.id,
        createdBy: null,
        input: { kind: required(values, "kind"), title: required(values, "title") },
      });
      return document.id;
    },
  },
  "member add": {
    usage: "scf member add --city S --email E --role R",
    summary: `Add a user to a city, or change their role (roles: ${ROLES.join(", ")}).`,
    options: {
      city: text("the city's slug"),
      email: text("the user's email"),
      role: text(ROLES.join(" | ")),
    },
    run: async ({ db }, values) => {
      const slug = required(values, "city");
      const role = required(values, "role");
      if (!isRole(role)) throw new UsageError(`--role must be one of ${ROLES.join(", ")}`);
      const email = emailSchema.safeParse(required(values, "email"));
      if (!email.success) throw new UsageError(`--email: ${email.error.issues[0]?.message ?? "invalid"}`);
      const city = await findCityBySlug(db, { slug });
      if (!city) throw new UsageError(`No city has the slug ${slug}`);
      const user = await findCredentialsByEmail(db, { email: email.data });
      if (!user) throw new UsageError(`No user has the email ${email.data}`);
      const current = await findRole(db, { cityId: city.id, userId: user.user.id });
      if (current) await changeRole(db, { cityId: city.id, userId: user.user.id, role });
      else await insertMembership(db, { cityId: city.id, userId: user.user.id, role });
      return `${user.user.email} is now ${role} of ${city.slug}.`;
    },
  },
  "rebuild-projections": {
    usage: "scf rebuild-projections",
    summary: "Project every board (such as each city's roadmap) again from its stored state.",
    options: {},
    run: async ({ db }) => {
      const result = await rebuildProjections(db);
      const invalid =
        result.rowsWithErrors === 1
          ? "1 with an invalid value"
          : `${result.rowsWithErrors} with invalid values`;
      return (
        `Projected ${result.boards} ${result.boards === 1 ? "board" : "boards"} with ${result.rows} ` +
        `${result.rows === 1 ? "row" : "rows"} (${invalid}): ${result.written} written, ${result.deleted} deleted.`
      );
    },
  },
};

function helpFor(command: Command): string {
  const lines = [`Usage: ${command.usage}`, "", command.summary];
  const options = Object.entries(command.options);
  if (options.length > 0) {
    lines.push("", "Options:");
    for (const [option, spec] of options) {
      lines.push(`  --${option.padEnd(10)} ${(spec as { description?: string }).description ?? ""}`);
    }
  }
  lines.push(`  --${"help".padEnd(10)} show this help`);
  return lines.join("\n");
}

const NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map((name) => name.length));

function overview(): string {
  return [
    "Usage: scf <command> [options]",
    "",
    "Admin tasks for SCF Workspace. The database is the one the environment names:",
    "DATABASE_URL for PostgreSQL, otherwise the embedded database in DATA_DIR (default ./data).",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(NAME_WIDTH)} ${command.summary}`),
    "",
    "Run scf <command> --help for a command's options.",
  ].join("\n");
}

function findCommand(args: string[]): { name: string; command: Command; rest: string[] } | null {
  for (const length of [2, 1]) {
    const name = args.slice(0, length).join(" ");
    const command = COMMANDS[name];
    if (command) return { name, command, rest: args.slice(length) };
  }
  return null;
}

interface Output {
  write(text: string): unknown;
}

const defaultIo = { out: process.stdout, err: process.stderr };

/** Runs one command line; returns the exit code. */
export async function run(args: string[], io: { out: Output; err: Output } = defaultIo): Promise<number> {
  const print = (line: string) => io.out.write(`${line}\n`);
  const fail = (line: string) => io.err.write(`${line}\n`);
  if (args.length === 0 || args[0] === "--help" || args[0] === "-h" || args[0] === "help") {
    print(overview());
    return args.length === 0 ? 2 : 0;
  }
  const found = findCommand(args);
  if (!found) {
    fail(
      `scf: unknown command "${args
        .filter((arg) => !arg.startsWith("-"))
        .slice(0, 2)
        .join(" ")}"\n`,
    );
    fail(overview());
    return 2;
  }
  const { name, command, rest } = found;
  let values: Record<string, string | undefined>;
  try {
    const parsed = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals: false,
    });
    if (parsed.values.help) {
      print(helpFor(command));
      return 0;
    }
    values = parsed.values as Record<string, string | undefined>;
  } catch (error) {
    fail(`scf ${name}: ${(error as Error).message}\n\n${helpFor(command)}`);
    return 2;
  }

  let database: DatabaseHandle | undefined;
  try {
    const config = loadConfig();
    database = await openDatabase(config.database);
    await migrateToLatest(database.db);
    print(await command.run(database, values));
    return 0;
  } catch (error) {
    if (error instanceof UsageError) {
      fail(`scf ${name}: ${error.message}\n\n${helpFor(command)}`);
      return 2;
    }
    if (error instanceof DomainError) {
      const details = Object.entries(error.fields).map(([field, message]) => `--${field}: ${message}`);
      fail(`scf ${name}: ${details.length > 0 ? details.join("\n") : error.message}`);
      return 1;
    }
    if (
      error instanceof ConfigError ||
      error instanceof EmbeddedDatabaseBusyError ||
      error instanceof DemoAlreadySeededError
    ) {
      fail(`scf ${name}: ${error.message}`);
      return 1;
    }
    fail(`scf ${name}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await database?.close();
  }
}
