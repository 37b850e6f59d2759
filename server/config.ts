import path from "node:path";
import { z } from "zod";

const optionalUrl = (protocols: string[], label: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((value) => (value === "" ? undefined : value))
    .refine(
      (value) => {
        if (value === undefined) return true;
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a ${label} URL (${protocols.join(" or ")})` },
    );

const environmentSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Port of the HTTP server. @default 3000 */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to listen on. @default "0.0.0.0" */
  HOST: z.string().trim().min(1).default("0.0.0.0"),
  /** Directory of the embedded database, used when DATABASE_URL is unset. @default "./data" */
  DATA_DIR: z.string().trim().min(1).default("./data"),
  /** PostgreSQL connection string; unset means the embedded database. */
  DATABASE_URL: optionalUrl(["postgres:", "postgresql:"], "PostgreSQL"),
  /** Origin that browsers reach the workspace at. @default "http://localhost:$PORT" */
  PUBLIC_ORIGIN: optionalUrl(["http:", "https:"], "http(s)"),
  /** Express "trust proxy" setting: hops of reverse proxies in front of the server. @default 0 */
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
  /** Largest collaboration message accepted, in bytes. @default 16777216 (16 MiB) */
  COLLAB_MAX_MESSAGE_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(16 * 1024 * 1024),
  /** Requests to the open data API (/api/v1) allowed per address and minute. @default 1200 */
  API_RATE_LIMIT: z.coerce.number().int().min(1).default(1200),
  /** pino log level. @default "info" */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

export interface Config {
  env: "development" | "production" | "test";
  port: number;
  host: string;
  database: { kind: "postgres"; url: string } | { kind: "embedded"; dataDir: string };
  /** Origins allowed to send non-GET requests and open sockets. The first is the canonical one. */
  allowedOrigins: string[];
  publicOrigin: string;
  /** Whether PUBLIC_ORIGIN was given; otherwise the origins follow the port actually bound. */
  explicitOrigin: boolean;
  secureCookies: boolean;
  trustProxy: number;
  collabMaxMessageBytes: number;
  /** Requests to the open data API allowed per address and minute. */
  apiRateLimit: number;
  logLevel: z.infer<typeof environmentSchema>["LOG_LEVEL"];
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/** Without an explicit origin, the usual local names of this machine all count as ours. */
export function localOrigins(port: number): string[] {
  return ["localhost", "127.0.0.1", "[::1]"].map((host) => `http://${host}:${port}`);
}

/** Parses the environment once; throws a ConfigError naming every bad variable. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const values = parsed.data;
  const explicitOrigin = values.PUBLIC_ORIGIN ? new URL(values.PUBLIC_ORIGIN).origin : undefined;
  const allowedOrigins = explicitOrigin ? [explicitOrigin] : localOrigins(values.PORT);
  return {
    env: values.NODE_ENV,
    port: values.PORT,
    host: values.HOST,
    database: values.DATABASE_URL
      ? { kind: "postgres", url: values.DATABASE_URL }
      : { kind: "embedded", dataDir: path.resolve(values.DATA_DIR) },
    allowedOrigins,
    publicOrigin: allowedOrigins[0]!,
    explicitOrigin: explicitOrigin !== undefined,
    secureCookies: allowedOrigins[0]!.startsWith("https:"),
    trustProxy: values.TRUST_PROXY,
    collabMaxMessageBytes: values.COLLAB_MAX_MESSAGE_BYTES,
    apiRateLimit: values.API_RATE_LIMIT,
    logLevel: values.LOG_LEVEL,
  };
}
