import { useFetcher, useNavigate } from "@remix-run/react";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import type { PaletteDestination } from "../../shared/search";

/** Shown at most; typing narrows the list. */
const MAX_SHOWN = 30;

function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** Destinations whose label holds every typed word, those starting with the query first. */
function filterDestinations(destinations: PaletteDestination[], query: string): PaletteDestination[] {
  const folded = fold(query.trim());
  const words = folded.split(/\s+/).filter(Boolean);
  if (words.length === 0) return destinations;
  const matching = destinations.filter((destination) => {
    const label = fold(destination.label);
    return words.every((word) => label.includes(word));
  });
  const starts = (destination: PaletteDestination) => (fold(destination.label).startsWith(folded) ? 0 : 1);
  return matching.sort((a, b) => starts(a) - starts(b));
}

function isPaletteShortcut(event: globalThis.KeyboardEvent): boolean {
  return (
    (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k"
  );
}

/**
 * The Ctrl+K / Cmd+K palette of a city: a modal dialog with a combobox that filters the city's
 * pages and documents as one types. Arrow keys choose, Enter goes, Escape closes and puts focus
 * back where it was.
 */
export function CommandPalette({ citySlug }: { citySlug: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const [active, setActive] = useState(0);
  const fetcher = useFetcher<{ destinations: PaletteDestination[] }>();
  const navigate = useNavigate();
  const id = useId();
  const listId = `${id}-list`;
  const optionId = (index: number) => `${id}-option-${index}`;
  const { load } = fetcher;

  const searchHref = `/c/${citySlug}/search?q=${encodeURIComponent(query.trim())}`;
  const options = useMemo(() => {
    const found = filterDestinations(fetcher.data?.destinations ?? [], query).slice(0, MAX_SHOWN);
    // Words that name no page or document can still be searched for in the text.
    return query.trim()
      ? [...found, { label: `Search documents for “${query.trim()}”`, href: searchHref, category: "Search" }]
      : found;
  }, [fetcher.data, query, searchHref]);
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));

  const show = useCallback(() => {
    const element = dialog.current;
    if (!element || element.open) return;
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setQuery("");
    setActive(0);
    setOpen(true);
    element.showModal();
    input.current?.focus();
    // Fetched at every opening, so documents made or renamed meanwhile are there.
    load(`/c/${citySlug}/destinations.json`);
  }, [citySlug, load]);

  useEffect(() => {
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (!isPaletteShortcut(event)) return;
      event.preventDefault();
      if (dialog.current?.open) dialog.current.close();
      else show();
    };
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [show]);

  const onClose = () => {
    setOpen(false);
    const target = returnFocus.current;
    returnFocus.current = null;
    if (target?.isConnected) target.focus();
  };

  const go = (destination: PaletteDestination | undefined) => {
    if (!destination) return;
    // Focus moves to the new page's content instead of back to where the palette was opened.
    returnFocus.current = null;
    dialog.current?.close();
    navigate(destination.href);
    document.getElementById("main-content")?.focus();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (options.length === 0) return;
      const step = event.key === "ArrowDown" ? 1 : -1;
      setActive((activeIndex + step + options.length) % options.length);
    } else if (event.key === "Enter" && event.target === input.current) {
      event.preventDefault();
      go(options[activeIndex]);
    } else if (event.key === "Tab") {
      // Focus stays in the dialog: Tab moves between its controls and wraps around.
      const focusable = [...event.currentTarget.querySelectorAll<HTMLElement>("input, button")];
      const first = focusable[0];
      const last = focusable.at(-1);
      if (event.shiftKey && document.activeElement === first) {
        event.preventDefault();
        last?.focus();
      } else if (!event.shiftKey && document.activeElement === last) {
        event.preventDefault();
        first?.focus();
      }
    }
  };

  useEffect(() => {
    if (!open) return;
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: "nearest" });
  });

  const loading = fetcher.state !== "idle" && !fetcher.data;
  const count = options.length;

  return (
    <>
      <button type="button" className="palette-trigger" onClick={show} aria-keyshortcuts="Control+K Meta+K">
        Jump to… <kbd>Ctrl K</kbd>
      </button>
      <dialog
        ref={dialog}
        className="palette"
        aria-labelledby={`${id}-title`}
        onClose={onClose}
        onKeyDown={onKeyDown}
      >
        <div className="palette__head">
          <h2 className="palette__title" id={`${id}-title`}>
            Jump to a page or document
          </h2>
          <button type="button" className="link-button" onClick={() => dialog.current?.close()}>
            Close<span className="visually-hidden"> the jump-to dialog</span>
          </button>
        </div>
        <label className="visually-hidden" htmlFor={`${id}-input`}>
          Page or document name
        </label>
        <input
          ref={input}
          id={`${id}-input`}
          className="input palette__input"
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={count > 0 ? optionId(activeIndex) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Type to filter"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
        />
        <ul className="palette__list" id={listId} role="listbox" aria-label="Pages and documents">
          {options.map((destination, index) => (
            <li
              key={destination.href}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              className="palette__option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(destination)}
            >
              <span className="palette__label">{destination.label}</span>
              <span className="palette__category">{destination.category}</span>
            </li>
          ))}
        </ul>
        <p className="palette__status" role="status">
          {loading
            ? "Loading…"
            : count === 0
              ? "Nothing matches"
              : count === 1
                ? "1 result"
                : `${count} results`}
        </p>
        <p className="palette__hint">↑ ↓ to choose · Enter to go · Esc to close</p>
      </dialog>
    </>
  );
}
