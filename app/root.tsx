import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Form,
  isRouteErrorResponse,
  Link,
  Links,
  LiveReload,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useNavigation,
  useParams,
  useRouteError,
  useRevalidator,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { listCitiesOfUser } from "./lib/cities.server";
import { countUnread } from "./lib/notifications.server";
import { ROLE_LABELS } from "../shared/roles";
import faviconHref from "./assets/favicon.svg";
import { useNonce } from "./lib/nonce";
import { RealtimeProvider, useRealtime } from "./lib/realtime";
import stylesHref from "./styles/app.css";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: faviconHref, type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "SCF Workspace" }];

export async function loader({ context }: LoaderFunctionArgs) {
  if (!context.user) return json({ user: null, cities: [], unread: 0 });
  const cities = await listCitiesOfUser(context.db, { userId: context.user.id });
  return json({
    user: { id: context.user.id, name: context.user.name, email: context.user.email },
    unread: await countUnread(context.db, { userId: context.user.id }),
    cities: cities.map(({ slug, name, role }) => ({ slug, name, role })),
  });
}

function CitySwitcher({
  cities,
}: {
  cities: { slug: string; name: string; role: keyof typeof ROLE_LABELS }[];
}) {
  const { slug } = useParams();
  const current = cities.find((city) => city.slug === slug);
  return (
    <details className="switcher">
      <summary>
        <span className="visually-hidden">Current city: </span>
        {current ? current.name : "Your cities"}
      </summary>
      <nav aria-label="Switch city" className="switcher__menu">
        <ul>
          {cities.map((city) => (
            <li key={city.slug}>
              <Link to={`/c/${city.slug}`} aria-current={city.slug === slug ? "page" : undefined}>
                {city.name} <span className="switcher__role">{ROLE_LABELS[city.role]}</span>
              </Link>
            </li>
          ))}
          <li>
            <Link to="/cities/new">Create a city</Link>
          </li>
        </ul>
      </nav>
    </details>
  );
}

function Header() {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user;
  return (
    <header className="header">
      <div className="header__inner width-container">
        <Link to="/" className="header__brand">
          SCF Workspace
        </Link>
        {user ? (
          <div className="header__account">
            <CitySwitcher cities={data.cities} />
            <Link to="/notifications" className="header__link">
              Notifications
              {data.unread > 0 ? (
                <span className="badge" data-testid="unread-count">
                  <span className="visually-hidden">(</span>
                  {data.unread}
                  <span className="visually-hidden"> unread)</span>
                </span>
              ) : null}
            </Link>
            <Link to="/account" className="header__link">
              <span className="visually-hidden">Your account: </span>
              {user.name}
            </Link>
            <Form method="post" action="/logout">
              <button type="submit" className="link-button header__link">
                Sign out
              </button>
            </Form>
          </div>
        ) : (
          <nav className="header__account" aria-label="Account">
            <Link to="/login" className="header__link">
              Sign in
            </Link>
            <Link to="/signup" className="header__link">
              Create an account
            </Link>
          </nav>
        )}
      </div>
    </header>
  );
}

function NavigationProgress() {
  const navigation = useNavigation();
  const busy = navigation.state !== "idle";
  return (
    <div
      className={busy ? "progress progress--active" : "progress"}
      role="progressbar"
      aria-hidden={!busy}
      aria-label="Loading"
    >
      <span className="progress__bar" />
    </div>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  return (
    <html lang="en-GB">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a href="#main-content" className="skip-link">
          Skip to main content
        </a>
        <NavigationProgress />
        <Header />
        <div className="width-container">
          <main className="main" id="main-content" tabIndex={-1}>
            {children}
          </main>
        </div>
        <footer className="footer">
          <div className="width-container">
            SCF Workspace: smart city programmes under the Smart City Framework (PAS 181).
          </div>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
        <LiveReload nonce={nonce} />
      </body>
    </html>
  );
}

/** New notifications arrive live: the page data is fetched again so the count stays true. */
function NotificationListener() {
  const socket = useRealtime();
  const { revalidate } = useRevalidator();
  useEffect(() => {
    if (!socket) return;
    socket.on("notification", revalidate);
    return () => {
      socket.off("notification", revalidate);
    };
  }, [socket, revalidate]);
  return null;
}

/**
 * Documents kept in this browser for offline editing belong to the person signed in: once they sign
 * out, or someone else signs in, their copies are deleted.
 */
function useForgetOtherPeoplesDocuments(userId: string | null) {
  useEffect(() => {
    if (typeof indexedDB === "undefined" || !("databases" in indexedDB)) return;
    void indexedDB.databases().then((databases) => {
      for (const { name } of databases) {
        if (name?.startsWith("scf:") && !name.startsWith(`scf:${userId}:`)) indexedDB.deleteDatabase(name);
      }
    });
  }, [userId]);
}

export default function App() {
  const data = useRouteLoaderData<typeof loader>("root");
  useForgetOtherPeoplesDocuments(data?.user?.id ?? null);
  return (
    <RealtimeProvider enabled={Boolean(data?.user)}>
      <NotificationListener />
      <Outlet />
    </RealtimeProvider>
  );
}

export function ErrorBoundary() {
  const error = useRouteError();
  let title = "Sorry, there is a problem with the service";
  let detail = "Try again later. What you entered has not been lost if you go back.";
  if (isRouteErrorResponse(error)) {
    if (error.status === 404) {
      title = "Page not found";
      detail =
        "If you typed the web address, check it is correct. If you followed a link, you may not have access to what it points to.";
    } else if (error.status === 403) {
      title = "You cannot do that";
      detail =
        typeof error.data === "string" ? error.data : "Your role does not allow it. Ask the city's lead.";
    }
  }
  return (
    <>
      <h1>{title}</h1>
      <p>{detail}</p>
      <p>
        <Link to="/">Go to your workspace</Link>
      </p>
    </>
  );
}
