import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Locator, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, expect } from "vitest";
import { DEMO_PASSWORD } from "../../../server/demo";
import type { RunningWorkspace } from "../../../server/workspace";
import { launchBrowser } from "./browser";
import { startE2EWorkspace, type E2EWorkspace } from "./workspace";

export { DEMO_PASSWORD };

/** Screenshots land here (ignored by git); CI keeps them for a person to look at. */
export const RESULTS_DIR = path.resolve("test-results");

/**
 * Console lines that are not faults: the browser's own note about a 4xx answer, which pages get on
 * purpose (a refused form, a city one may not see).
 */
const EXPECTED_CONSOLE = [/^Failed to load resource: the server responded with a status of 4\d\d/];

export interface BrowserWorkspace {
  readonly workspace: RunningWorkspace;
  readonly url: string;
  readonly browser: Browser;
  /** A fresh browser profile (its own cookies) at the workspace's origin; closed after each test. */
  newContext(options?: BrowserContextOptions): Promise<BrowserContext>;
  /** A page in a fresh context; uncaught errors and console errors on it fail the test. */
  newPage(options?: BrowserContextOptions): Promise<Page>;
  /** Watches a page opened some other way (a second page of a context) for errors. */
  watch(page: Page): Page;
}

/**
 * Starts one workspace (fresh embedded database with the demo cities) and one Chromium for the
 * test file, and stops both after it.
 */
export function useBrowserWorkspace(): BrowserWorkspace {
  let started: E2EWorkspace | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    const [workspace, chromium] = await Promise.allSettled([startE2EWorkspace(), launchBrowser()]);
    if (workspace.status === "fulfilled") started = workspace.value;
    if (chromium.status === "fulfilled") browser = chromium.value;
    if (workspace.status === "rejected") throw workspace.reason;
    if (chromium.status === "rejected") throw chromium.reason;
  });

  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
    expect(problems.splice(0), "errors reported by the browser").toEqual([]);
  });

  afterAll(async () => {
    await browser?.close();
    await started?.stop();
  });

  const required = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not running (did beforeAll fail?)`);
    return value;
  };

  const watch = (page: Page): Page => {
    page.on("pageerror", (error) => problems.push(`${page.url()}: uncaught ${error.message}`));
    page.on("console", (message) => {
      if (message.type() !== "error") return;
      const text = message.text();
      if (EXPECTED_CONSOLE.some((pattern) => pattern.test(text))) return;
      problems.push(`${page.url()}: console error: ${text}`);
    });
    return page;
  };

  const newContext = async (options: BrowserContextOptions = {}) => {
    const context = await required(browser, "Chromium").newContext({
      baseURL: required(started, "The workspace").url,
      locale: "en-GB",
      timezoneId: "Europe/London",
      ...options,
    });
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context;
  };

  return {
    get workspace() {
      return required(started, "The workspace").workspace;
    },
    get url() {
      return required(started, "The workspace").url;
    },
    get browser() {
      return required(browser, "Chromium");
    },
    newContext,
    async newPage(options) {
      const context = await newContext(options);
      return watch(await context.newPage());
    },
    watch,
  };
}

/** The page's main heading with this text (waits for it to appear). */
export async function expectHeading(page: Page, name: string | RegExp): Promise<Locator> {
  const heading = page.getByRole("heading", { level: 1, name, exact: typeof name === "string" });
  await heading.waitFor({ state: "visible" });
  return heading;
}

/** Signs in through the /login form and waits to leave it. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/login");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** What a screen reader announces with a control: the text of the elements its aria-describedby names. */
export function accessibleDescription(locator: Locator): Promise<string> {
  return locator.evaluate((element) =>
    (element.getAttribute("aria-describedby") ?? "")
      .split(/\s+/)
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent?.trim() ?? "")
      .join(" "),
  );
}

/** The element that has keyboard focus, described for assertions. */
export function focused(page: Page): Promise<{ tag: string; id: string; text: string; visible: boolean }> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    const box = element?.getBoundingClientRect();
    return {
      tag: element?.tagName.toLowerCase() ?? "",
      id: element?.id ?? "",
      text: element?.textContent?.trim() ?? "",
      visible: Boolean(box && box.width > 0 && box.height > 0 && box.right > 0 && box.bottom > 0),
    };
  });
}

/** Saves a full-page screenshot as test-results/<name>.png and returns its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
