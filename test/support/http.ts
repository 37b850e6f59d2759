import type { DatabaseHandle } from "../../db/connect";
import { loadConfig } from "../../server/config";
import { createLogger } from "../../server/logger";
import { startWorkspace, type RunningWorkspace } from "../../server/workspace";

/**
 * Starts the whole server, with the real Remix build, on a free port and the given database;
 * `environment` adds to or overrides the variables it is configured with.
 */
export function startTestWorkspace(
  database: DatabaseHandle,
  environment: Record<string, string> = {},
): Promise<RunningWorkspace> {
  const config = loadConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    ...environment,
  });
  return startWorkspace(config, {
    database: { ...database, close: async () => {} },
    logger: createLogger("silent"),
    seedEmptyEmbedded: false,
  });
}

/** A browser-like HTTP client: keeps cookies, sends our Origin on writes, never follows redirects. */
export class TestClient {
  readonly cookies = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    readonly origin = baseUrl,
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }

  private remember(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(";");
      const index = pair!.indexOf("=");
      const name = pair!.slice(0, index).trim();
      const value = pair!.slice(index + 1).trim();
      const expired = /max-age=0/i.test(line) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set("Cookie", this.cookieHeader());
    const response = await fetch(new URL(path, this.baseUrl), { ...init, headers, redirect: "manual" });
    this.remember(response);
    return response;
  }

  get(path: string): Promise<Response> {
    return this.request(path);
  }

  /** Posts a form as a browser on our own page would. */
  post(
    path: string,
    fields: Record<string, string>,
    headers: Record<string, string> = {},
  ): Promise<Response> {
    return this.request(path, {
      method: "POST",
      body: new URLSearchParams(fields),
      headers: { Origin: this.origin, "Sec-Fetch-Site": "same-origin", ...headers },
    });
  }

  async signIn(email: string, password: string): Promise<Response> {
    const response = await this.post("/login", { email, password });
    if (response.status !== 302) throw new Error(`sign-in failed with ${response.status}`);
    return response;
  }
}

/** A page's HTML without React's text separators, so sentences read as a person sees them. */
export async function pageText(response: Response): Promise<string> {
  return (await response.text()).replaceAll("<!-- -->", "");
}
