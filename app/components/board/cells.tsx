import { Link } from "@remix-run/react";
import { useEffect, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { ISO_DATE, type Evidence, type FieldKind, type FieldSpec } from "../../../shared/boards/fields";
import { CHECK_ANSWERS, CHECK_CRITERIA } from "../../../shared/boards/pipeline";

/** A member of the city who may own a row. */
export interface Member {
  id: string;
  name: string;
}

/** Another row that may be named as a dependency. */
export interface RowChoice {
  id: string;
  title: string;
}

const DATE_FORMAT = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

const MONEY_FORMATS = new Map<string, Intl.NumberFormat>();

/** An amount in whole units of its currency (pounds unless the row says otherwise): "£120,000". */
export function formatMoney(amount: number, currency = "GBP"): string {
  let format = MONEY_FORMATS.get(currency);
  if (!format) {
    format = new Intl.NumberFormat("en-GB", { style: "currency", currency, maximumFractionDigits: 0 });
    MONEY_FORMATS.set(currency, format);
  }
  return format.format(amount);
}

/** The currency a row's amounts are in, when it names one. */
export function currencyOf(row: { valid: Record<string, unknown> }): string | undefined {
  return typeof row.valid.currency === "string" ? row.valid.currency : undefined;
}

/** The plural of a row noun: "items", "opportunities". */
export function plural(noun: string): string {
  return /[^aeiou]y$/.test(noun) ? `${noun.slice(0, -1)}ies` : `${noun}s`;
}

/** "1 opportunity", "3 opportunities". */
export function countOf(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : plural(noun)}`;
}

/** "2026-03-04" as "4 Mar 2026"; anything that is not such a date is shown as it is. */
export function formatDate(value: unknown): string {
  if (typeof value !== "string" || !value) return "";
  const time = Date.parse(`${value}T00:00:00Z`);
  return ISO_DATE.test(value) && !Number.isNaN(time) ? DATE_FORMAT.format(time) : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === "string") : [];
}

/** An owner as a cell shows it: a member's name, or a partner organisation's name marked as such. */
export function ownerText(value: unknown): string {
  if (!isRecord(value) || typeof value.name !== "string") return "";
  return value.type === "partner" ? `${value.name} (partner)` : value.name;
}

/**
 * A stored value as text, for a cell, a card or a summary. Values that are not valid are shown as
 * they were entered, so the person fixing them sees what is there. Money is shown in `currency`
 * when the row names one.
 */
export function displayValue(
  field: FieldSpec,
  value: unknown,
  titles?: ReadonlyMap<string, string>,
  currency?: string,
): string {
  if (value === null || value === undefined) return "";
  switch (field.kind) {
    case "text":
    case "richText":
      return typeof value === "string" ? value : String(value);
    case "choice":
      return field.options?.find((option) => option.value === value)?.label ?? String(value);
    case "choices":
      return strings(value)
        .map((choice) => field.options?.find((option) => option.value === choice)?.label ?? choice)
        .join(", ");
    case "flag":
      return value === true ? "Yes" : value === false ? "No" : String(value);
    case "date":
      return formatDate(value);
    case "money":
      return typeof value === "number" && Number.isFinite(value)
        ? formatMoney(value, currency)
        : String(value);
    case "clauses":
      return Array.isArray(value) ? value.join(", ") : String(value);
    case "owner":
      return ownerText(value);
    case "rowRefs":
      return strings(value)
        .map((id) => titles?.get(id) ?? "An item that no longer exists")
        .join("; ");
    case "checkpoints": {
      const count = Array.isArray(value) ? value.length : 0;
      return count === 0 ? "" : `${count} ${count === 1 ? "checkpoint" : "checkpoints"}`;
    }
    case "evidence": {
      const count = Array.isArray(value) ? value.length : 0;
      return count === 0 ? "" : `${count} ${count === 1 ? "link" : "links"}`;
    }
    case "check": {
      const answered = isRecord(value)
        ? Object.values(value).filter((entry) => isRecord(entry) && entry.answer).length
        : 0;
      return answered === 0 ? "" : `${answered} answered`;
    }
  }
}

function channel(value: number): number {
  const share = value / 255;
  return share <= 0.03928 ? share / 12.92 : ((share + 0.055) / 1.055) ** 2.4;
}

/**
 * A person's colour as a label's background, with whichever of white or near-black text reads
 * better on it (some presence colours are too light for white).
 */
export function personColours(colour: string): { backgroundColor: string; color: string } {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) return { backgroundColor: colour, color: "#fff" };
  const [red, green, blue] = match.slice(1).map((hex) => channel(parseInt(hex, 16))) as [
    number,
    number,
    number,
  ];
  const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  // Contrast against white (luminance 1) and against the text colour #0b0c0c (luminance ≈ 0.0037).
  const onWhite = 1.05 / (luminance + 0.05);
  const onDark = (luminance + 0.05) / 0.0537;
  return { backgroundColor: colour, color: onWhite >= onDark ? "#fff" : "#0b0c0c" };
}

/** Kinds whose editor is a group of controls, named by a fieldset's legend rather than a label. */
export function isGroupEditor(kind: FieldKind): boolean {
  return (
    kind === "owner" ||
    kind === "choices" ||
    kind === "rowRefs" ||
    kind === "checkpoints" ||
    kind === "evidence" ||
    kind === "check"
  );
}

/** What an evidence field may link to, and where each link leads. */
export interface LinkChoices {
  documents?: readonly { id: string; title: string }[];
  roadmapItems?: readonly { id: string; title: string }[];
  href(link: Evidence): string;
}

export interface FieldEditorProps {
  field: FieldSpec;
  /** The stored value, which may be invalid. */
  value: unknown;
  /**
   * "cell": opened from a cell, closed again once committed (Enter, leaving it) or cancelled
   * (Escape). "form": always shown, as in the detail panel; Escape only undoes what was typed.
   */
  mode: "cell" | "form";
  /** The id of the editor's first control, for a label to point at. */
  id: string;
  /** Names the editor where no label is shown (in a cell). */
  label?: string;
  /** Ids of the elements (hint, error) that describe the value. */
  describedBy?: string;
  invalid?: boolean;
  members: readonly Member[];
  /** Rows that may be chosen as dependencies: every row but this one. */
  choices?: readonly RowChoice[];
  /** What an evidence field may link to. */
  links?: LinkChoices;
  onCommit(value: unknown): void;
  /** A cell editor is finished; `restoreFocus` when that was by keyboard, so focus returns to the cell. */
  onDone?(restoreFocus: boolean): void;
}

/** Finishing a cell editor once: a blur that follows Enter or Escape must not finish it again. */
function useExit(props: FieldEditorProps) {
  const exited = useRef(false);
  return {
    exited,
    exit(restoreFocus: boolean) {
      if (props.mode !== "cell" || exited.current) return;
      exited.current = true;
      props.onDone?.(restoreFocus);
    },
  };
}

/** Whether focus is leaving `event.currentTarget` altogether, not moving between its controls. */
function leaving(event: FocusEvent<HTMLElement>): boolean {
  return !(event.relatedTarget instanceof Node && event.currentTarget.contains(event.relatedTarget));
}

/**
 * A group editor's frame: named as a group in a cell, finished by Escape (in a cell) or by focus
 * leaving all of its controls.
 */
function groupProps(props: FieldEditorProps, exit: (restoreFocus: boolean) => void) {
  const inCell = props.mode === "cell";
  return {
    role: inCell ? "group" : undefined,
    "aria-label": inCell ? props.label : undefined,
    onKeyDown(event: KeyboardEvent<HTMLElement>) {
      if (event.key === "Escape" && inCell) {
        event.preventDefault();
        event.stopPropagation();
        exit(true);
      }
    },
    onBlur(event: FocusEvent<HTMLElement>) {
      if (leaving(event)) exit(false);
    },
  };
}

function controlProps(props: FieldEditorProps) {
  return {
    id: props.id,
    "aria-label": props.mode === "cell" ? props.label : undefined,
    "aria-describedby": props.describedBy,
    "aria-invalid": props.invalid || undefined,
    autoFocus: props.mode === "cell",
  };
}

interface TextCodec {
  toText(value: unknown): string;
  fromText(text: string): unknown;
  type: "text" | "date" | "number";
}

/** Clause ids are written as A, B8, B4c: the first letter capital, a recommendation letter small. */
function normaliseClause(ref: string): string {
  return ref.charAt(0).toUpperCase() + ref.slice(1).toLowerCase();
}

const TEXT_CODECS: Partial<Record<FieldKind, TextCodec>> = {
  text: {
    type: "text",
    toText: (value) => (typeof value === "string" ? value : ""),
    fromText: (text) => text.trim(),
  },
  date: {
    type: "date",
    toText: (value) => (typeof value === "string" && ISO_DATE.test(value) ? value : ""),
    fromText: (text) => text || null,
  },
  money: {
    type: "number",
    toText: (value) => (typeof value === "number" && Number.isFinite(value) ? String(value) : ""),
    fromText: (text) => {
      if (!text.trim()) return null;
      const amount = Number(text);
      // Kept as typed when it is not a number, so the cell can say what is wrong with it.
      return Number.isFinite(amount) ? amount : text;
    },
  },
  clauses: {
    type: "text",
    toText: (value) => strings(value).join(", "),
    fromText: (text) =>
      text
        .split(/[\s,;]+/)
        .filter(Boolean)
        .map(normaliseClause),
  },
};

function TextLikeEditor(props: FieldEditorProps & { codec: TextCodec }) {
  const { codec, mode, value, onCommit } = props;
  const stored = codec.toText(value);
  const [draft, setDraft] = useState<string | null>(null);
  const { exited, exit } = useExit(props);

  const commit = () => {
    if (draft !== null && draft !== stored) onCommit(codec.fromText(draft));
    setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit();
      exit(true);
    } else if (event.key === "Escape") {
      if (mode === "cell") {
        event.preventDefault();
        event.stopPropagation();
        setDraft(null);
        exit(true);
      } else if (draft !== null && draft !== stored) {
        event.stopPropagation();
        setDraft(null);
      }
    }
  };

  return (
    <input
      {...controlProps(props)}
      className="input board-input"
      type={codec.type}
      {...(codec.type === "number" ? { min: 0, step: "any", inputMode: "decimal" as const } : {})}
      value={draft ?? stored}
      onChange={(event) => setDraft(event.target.value)}
      onKeyDown={onKeyDown}
      onBlur={() => {
        if (exited.current) return;
        commit();
        exit(false);
      }}
    />
  );
}

/**
 * Keys that change a closed select or a checkbox without finishing the choice. A change made
 * with the pointer is a finished choice and is committed at once, even in a cell.
 */
function useKeyboardChange() {
  const keyboard = useRef(false);
  return {
    onKeyDown(event: KeyboardEvent) {
      keyboard.current = event.key !== "Enter" && event.key !== "Escape" && event.key !== "Tab";
    },
    /** Whether the change now happening came from the keyboard; resets for the next one. */
    take(): boolean {
      const fromKeyboard = keyboard.current;
      keyboard.current = false;
      return fromKeyboard;
    },
  };
}

function ChoiceEditor(props: FieldEditorProps) {
  const { field, value, mode, onCommit } = props;
  const options = field.options ?? [];
  const nullable = field.initial === null;
  const stored = typeof value === "string" ? value : "";
  const known = options.some((option) => option.value === stored);
  const [draft, setDraft] = useState<string | null>(null);
  const { exited, exit } = useExit(props);
  const keys = useKeyboardChange();

  const commit = (choice: string | null) => {
    if (choice !== null && choice !== stored) onCommit(choice === "" && nullable ? null : choice);
    setDraft(null);
  };

  return (
    <select
      {...controlProps(props)}
      className="select board-input"
      value={draft ?? stored}
      onChange={(event) => {
        const fromKeyboard = keys.take();
        if (mode === "form" || !fromKeyboard) {
          commit(event.target.value);
          exit(true);
        } else {
          setDraft(event.target.value);
        }
      }}
      onKeyDown={(event) => {
        keys.onKeyDown(event);
        if (event.key === "Enter") {
          event.preventDefault();
          commit(draft);
          exit(true);
        } else if (event.key === "Escape" && mode === "cell") {
          event.preventDefault();
          event.stopPropagation();
          setDraft(null);
          exit(true);
        }
      }}
      onBlur={() => {
        if (exited.current) return;
        commit(draft);
        exit(false);
      }}
    >
      {nullable ? <option value="">Not set</option> : null}
      {!nullable && !stored ? (
        <option value="" disabled>
          Choose…
        </option>
      ) : null}
      {stored && !known ? (
        <option value={stored} disabled>
          {stored}
        </option>
      ) : null}
      {options.map((option) => (
        <option key={option.value} value={option.value}>
          {option.label}
        </option>
      ))}
    </select>
  );
}

function FlagEditor(props: FieldEditorProps) {
  const { value, mode, onCommit } = props;
  const stored = value === true;
  const [draft, setDraft] = useState<boolean | null>(null);
  const { exited, exit } = useExit(props);
  const keys = useKeyboardChange();

  const commit = (checked: boolean | null) => {
    if (checked !== null && checked !== value) onCommit(checked);
    setDraft(null);
  };

  return (
    <input
      {...controlProps(props)}
      className="board-checkbox"
      type="checkbox"
      checked={draft ?? stored}
      onChange={(event) => {
        const fromKeyboard = keys.take();
        if (mode === "form" || !fromKeyboard) {
          commit(event.target.checked);
          exit(true);
        } else {
          setDraft(event.target.checked);
        }
      }}
      onKeyDown={(event) => {
        keys.onKeyDown(event);
        if (event.key === "Enter") {
          event.preventDefault();
          commit(draft);
          exit(true);
        } else if (event.key === "Escape" && mode === "cell") {
          event.preventDefault();
          event.stopPropagation();
          setDraft(null);
          exit(true);
        }
      }}
      onBlur={() => {
        if (exited.current) return;
        commit(draft);
        exit(false);
      }}
    />
  );
}

const PARTNER = "partner";

interface OwnerDraft {
  /** "" for nobody, "member:<id>", or "partner". */
  choice: string;
  partnerName: string;
}

function ownerDraftOf(value: unknown): OwnerDraft {
  if (!isRecord(value)) return { choice: "", partnerName: "" };
  const name = typeof value.name === "string" ? value.name : "";
  if (value.type === "partner") return { choice: PARTNER, partnerName: name };
  return { choice: `member:${String(value.userId)}`, partnerName: "" };
}

function OwnerEditor(props: FieldEditorProps) {
  const { value, mode, members, onCommit, id } = props;
  const stored = ownerDraftOf(value);
  const [draft, setDraft] = useState<OwnerDraft | null>(null);
  const current = draft ?? stored;
  const { exited, exit } = useExit(props);
  const keys = useKeyboardChange();
  const storedMember = isRecord(value) && value.type === "member" ? value : null;
  const listed = members.some((member) => `member:${member.id}` === stored.choice);

  const ownerOf = (next: OwnerDraft): unknown => {
    if (next.choice === "") return null;
    if (next.choice === PARTNER) return { type: "partner", name: next.partnerName.trim() };
    const userId = next.choice.slice("member:".length);
    const member = members.find((candidate) => candidate.id === userId);
    return { type: "member", userId, name: member?.name ?? ownerText(value) };
  };
  const commit = (next: OwnerDraft | null) => {
    if (next && JSON.stringify(ownerOf(next)) !== JSON.stringify(value ?? null)) onCommit(ownerOf(next));
    setDraft(null);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      commit(draft);
      exit(true);
    } else if (event.key === "Escape") {
      if (mode === "cell") {
        event.preventDefault();
        event.stopPropagation();
        setDraft(null);
        exit(true);
      } else if (draft) {
        event.stopPropagation();
        setDraft(null);
      }
    }
  };

  return (
    <div
      className="owner-editor"
      role={mode === "cell" ? "group" : undefined}
      aria-label={mode === "cell" ? props.label : undefined}
      onKeyDown={onKeyDown}
      onBlur={(event) => {
        if (exited.current || !leaving(event)) return;
        commit(draft);
        exit(false);
      }}
    >
      <select
        {...controlProps(props)}
        className="select board-input"
        value={current.choice}
        onKeyDown={keys.onKeyDown}
        onChange={(event) => {
          const next = { ...current, choice: event.target.value };
          const fromKeyboard = keys.take();
          if (next.choice !== PARTNER && (mode === "form" || !fromKeyboard)) {
            commit(next);
            exit(true);
          } else {
            setDraft(next);
          }
        }}
      >
        <option value="">No owner</option>
        {storedMember && !listed ? <option value={stored.choice}>{ownerText(storedMember)}</option> : null}
        {members.map((member) => (
          <option key={member.id} value={`member:${member.id}`}>
            {member.name}
          </option>
        ))}
        <option value={PARTNER}>Partner organisation…</option>
      </select>
      {current.choice === PARTNER ? (
        <span className="owner-editor__partner">
          <label className="owner-editor__label" htmlFor={`${id}-partner`}>
            Partner organisation
          </label>
          <input
            id={`${id}-partner`}
            className="input board-input"
            value={current.partnerName}
            maxLength={120}
            autoFocus={draft !== null}
            onChange={(event) => setDraft({ ...current, partnerName: event.target.value })}
          />
        </span>
      ) : null}
    </div>
  );
}

/** Several of a field's options as checkboxes; each change is committed at once, in the options' order. */
function ChoicesEditor(props: FieldEditorProps) {
  const { field, value, onCommit, id, mode } = props;
  const options = field.options ?? [];
  const chosen = strings(value);
  const { exit } = useExit(props);
  const toggle = (choice: string, checked: boolean) => {
    const next = new Set(chosen);
    if (checked) next.add(choice);
    else next.delete(choice);
    onCommit(options.map((option) => option.value).filter((option) => next.has(option)));
  };
  return (
    <div className="choices-editor" aria-describedby={props.describedBy} {...groupProps(props, exit)}>
      {options.map((option, index) => (
        <label key={option.value} className="choices-editor__option">
          <input
            id={index === 0 ? id : undefined}
            type="checkbox"
            className="board-checkbox"
            checked={chosen.includes(option.value)}
            autoFocus={mode === "cell" && index === 0}
            onChange={(event) => toggle(option.value, event.target.checked)}
          />{" "}
          {option.label}
        </label>
      ))}
    </div>
  );
}

function DependenciesEditor(props: FieldEditorProps) {
  const { value, choices = [], onCommit, id, mode } = props;
  const chosen = strings(value);
  const [pick, setPick] = useState("");
  const { exit } = useExit(props);
  const titles = new Map(choices.map((choice) => [choice.id, choice.title]));
  const available = choices.filter((choice) => !chosen.includes(choice.id));

  const add = () => {
    if (!pick) return;
    onCommit([...chosen, pick]);
    setPick("");
  };

  return (
    <div className="refs-editor" {...groupProps(props, exit)}>
      {chosen.length > 0 ? (
        <ul className="refs-editor__list">
          {chosen.map((refId) => {
            const title = titles.get(refId) ?? "An item that no longer exists";
            return (
              <li key={refId}>
                <span>{title}</span>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onCommit(chosen.filter((other) => other !== refId))}
                >
                  Remove<span className="visually-hidden"> the dependency on {title}</span>
                </button>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="refs-editor__none">No dependencies.</p>
      )}
      <div className="refs-editor__add">
        <label className="owner-editor__label" htmlFor={id}>
          Add a dependency
        </label>
        <select
          id={id}
          className="select board-input"
          aria-describedby={props.describedBy}
          value={pick}
          autoFocus={mode === "cell"}
          onChange={(event) => setPick(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === "Enter" && pick) {
              event.preventDefault();
              add();
            }
          }}
        >
          <option value="">Choose an item…</option>
          {available.map((choice) => (
            <option key={choice.id} value={choice.id}>
              {choice.title}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={add}
          disabled={!pick}
        >
          Add
        </button>
      </div>
    </div>
  );
}

interface CheckpointDraft {
  date: string;
  label: string;
}

function checkpointsOf(value: unknown): CheckpointDraft[] {
  if (!Array.isArray(value)) return [];
  return value.map((entry) => ({
    date: isRecord(entry) && typeof entry.date === "string" ? entry.date : "",
    label: isRecord(entry) && typeof entry.label === "string" ? entry.label : "",
  }));
}

function CheckpointsEditor(props: FieldEditorProps) {
  const { value, onCommit, id, mode } = props;
  const stored = checkpointsOf(value);
  const [draft, setDraft] = useState<CheckpointDraft[] | null>(null);
  const list = draft ?? stored;
  const { exited, exit } = useExit(props);
  const added = useRef(false);
  const lastDate = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!added.current) return;
    added.current = false;
    lastDate.current?.focus();
  });

  const commit = (next: CheckpointDraft[] | null) => {
    if (next) {
      const kept = next
        .filter((entry) => entry.date || entry.label.trim())
        .map((entry) => ({ date: entry.date, label: entry.label.trim() }));
      if (JSON.stringify(kept) !== JSON.stringify(stored)) onCommit(kept);
    }
    setDraft(null);
  };
  const change = (index: number, patch: Partial<CheckpointDraft>) =>
    setDraft(list.map((entry, at) => (at === index ? { ...entry, ...patch } : entry)));

  return (
    <div
      className="checkpoints-editor"
      role={mode === "cell" ? "group" : undefined}
      aria-label={mode === "cell" ? props.label : undefined}
      onKeyDown={(event) => {
        if (event.key === "Enter" && event.target instanceof HTMLInputElement) {
          event.preventDefault();
          commit(draft);
          exit(true);
        } else if (event.key === "Escape" && (mode === "cell" || draft)) {
          event.preventDefault();
          event.stopPropagation();
          setDraft(null);
          exit(true);
        }
      }}
      onBlur={(event) => {
        if (exited.current || !leaving(event)) return;
        commit(draft);
        exit(false);
      }}
    >
      {list.length > 0 ? (
        <ol className="checkpoints-editor__list">
          {list.map((entry, index) => (
            <li key={index} className="checkpoints-editor__entry">
              <span className="checkpoints-editor__control">
                <label className="owner-editor__label" htmlFor={index === 0 ? id : `${id}-date-${index}`}>
                  Date
                </label>
                <input
                  id={index === 0 ? id : `${id}-date-${index}`}
                  ref={index === list.length - 1 ? lastDate : undefined}
                  className="input board-input"
                  type="date"
                  value={entry.date}
                  aria-describedby={props.describedBy}
                  onChange={(event) => change(index, { date: event.target.value })}
                />
              </span>
              <span className="checkpoints-editor__control checkpoints-editor__control--wide">
                <label className="owner-editor__label" htmlFor={`${id}-label-${index}`}>
                  What it checks
                </label>
                <input
                  id={`${id}-label-${index}`}
                  className="input board-input"
                  value={entry.label}
                  maxLength={120}
                  onChange={(event) => change(index, { label: event.target.value })}
                />
              </span>
              <button
                type="button"
                className="link-button"
                onClick={() => commit(list.filter((_, at) => at !== index))}
              >
                Remove<span className="visually-hidden"> checkpoint {index + 1}</span>
              </button>
            </li>
          ))}
        </ol>
      ) : (
        <p className="refs-editor__none">No checkpoints.</p>
      )}
      <button
        type="button"
        className="button button--secondary button--small"
        id={list.length === 0 ? id : undefined}
        autoFocus={mode === "cell" && list.length === 0}
        onClick={() => {
          added.current = true;
          setDraft([...list, { date: "", label: "" }]);
        }}
      >
        Add a checkpoint
      </button>
    </div>
  );
}

function evidenceOf(value: unknown): Evidence[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((entry) =>
    isRecord(entry) &&
    (entry.type === "document" || entry.type === "roadmapItem") &&
    typeof entry.id === "string"
      ? [{ type: entry.type, id: entry.id, title: typeof entry.title === "string" ? entry.title : "" }]
      : [],
  );
}

/** The title a link shows: the linked thing's title now, or as it was when linked if it is gone. */
function linkTitle(links: LinkChoices | undefined, link: Evidence): { title: string; gone: boolean } {
  const list = link.type === "document" ? links?.documents : links?.roadmapItems;
  const found = list?.find((choice) => choice.id === link.id);
  return found ? { title: found.title, gone: false } : { title: link.title || "Untitled", gone: true };
}

/**
 * Links to documents and roadmap items, each leading to what it names; with `onRemove`, each can
 * be taken off.
 */
export function EvidenceList({
  value,
  links,
  labelledBy,
  onRemove,
}: {
  value: unknown;
  links: LinkChoices | undefined;
  labelledBy?: string;
  onRemove?(link: Evidence): void;
}) {
  const linked = evidenceOf(value);
  if (linked.length === 0) return <p className="refs-editor__none">None linked.</p>;
  return (
    <ul className="refs-editor__list evidence-links" aria-labelledby={labelledBy}>
      {linked.map((link) => {
        const shown = linkTitle(links, link);
        return (
          <li key={`${link.type}:${link.id}`} className="evidence-links__link">
            {shown.gone || !links ? (
              <span>
                {shown.title} <span className="secondary">(no longer there)</span>
              </span>
            ) : (
              <Link to={links.href(link)}>{shown.title}</Link>
            )}
            {onRemove ? (
              <button type="button" className="link-button" onClick={() => onRemove(link)}>
                Remove<span className="visually-hidden"> the link to {shown.title}</span>
              </button>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

function EvidenceEditor(props: FieldEditorProps) {
  const { value, links, onCommit, id, mode } = props;
  const linked = evidenceOf(value);
  const { exit } = useExit(props);
  const isLinked = (type: Evidence["type"], itemId: string) =>
    linked.some((link) => link.type === type && link.id === itemId);
  const documents = (links?.documents ?? []).filter((document) => !isLinked("document", document.id));
  const items = (links?.roadmapItems ?? []).filter((item) => !isLinked("roadmapItem", item.id));
  const offered = links?.documents
    ? links.roadmapItems
      ? "a document or roadmap item"
      : "a document"
    : "a roadmap item";

  const add = (choice: string) => {
    const [type, itemId] = choice.split(":", 2) as [Evidence["type"], string];
    const list = type === "document" ? links?.documents : links?.roadmapItems;
    const chosen = list?.find((candidate) => candidate.id === itemId);
    if (chosen) onCommit([...linked, { type, id: chosen.id, title: chosen.title }]);
  };
  const option = (type: Evidence["type"], choice: { id: string; title: string }) => (
    <option key={choice.id} value={`${type}:${choice.id}`}>
      {choice.title || "Untitled"}
    </option>
  );

  return (
    <div className="refs-editor" {...groupProps(props, exit)}>
      <EvidenceList
        value={value}
        links={links}
        onRemove={(link) =>
          onCommit(linked.filter((other) => other.type !== link.type || other.id !== link.id))
        }
      />
      {documents.length > 0 || items.length > 0 ? (
        <div className="refs-editor__add">
          <label className="owner-editor__label" htmlFor={id}>
            Link {offered}
          </label>
          <select
            id={id}
            className="select board-input"
            aria-describedby={props.describedBy}
            value=""
            autoFocus={mode === "cell"}
            onChange={(event) => add(event.target.value)}
          >
            <option value="">Choose…</option>
            {documents.length > 0 && items.length > 0 ? (
              <>
                <optgroup label="Documents">{documents.map((choice) => option("document", choice))}</optgroup>
                <optgroup label="Roadmap items">
                  {items.map((choice) => option("roadmapItem", choice))}
                </optgroup>
              </>
            ) : (
              [
                ...documents.map((choice) => option("document", choice)),
                ...items.map((choice) => option("roadmapItem", choice)),
              ]
            )}
          </select>
        </div>
      ) : null}
    </div>
  );
}

type CheckDraft = Record<string, { answer: string | null; note: string }>;

/** A check's entries as stored, each with an answer (or null) and a note; anything else left out. */
function checkOf(value: unknown): CheckDraft {
  if (!isRecord(value)) return {};
  const entries: CheckDraft = {};
  for (const [key, entry] of Object.entries(value)) {
    if (!isRecord(entry)) continue;
    entries[key] = {
      answer: typeof entry.answer === "string" ? entry.answer : null,
      note: typeof entry.note === "string" ? entry.note : "",
    };
  }
  return entries;
}

const ANSWER_LABELS = new Map<string, string>(CHECK_ANSWERS.map((answer) => [answer.value, answer.label]));

/** The check read-only: each criterion with its answer and note. */
export function CheckAnswers({ value, describedBy }: { value: unknown; describedBy?: string }) {
  const check = checkOf(value);
  return (
    <dl className="check-answers" aria-describedby={describedBy}>
      {CHECK_CRITERIA.map((criterion) => {
        const entry = check[criterion.key];
        return (
          <div key={criterion.key} className="check-answers__entry">
            <dt>{criterion.label}</dt>
            <dd>
              <span className={`check-answer check-answer--${entry?.answer ?? "none"}`}>
                {entry?.answer ? (ANSWER_LABELS.get(entry.answer) ?? entry.answer) : "Not answered"}
              </span>
              {entry?.note ? <span className="check-answers__note"> {entry.note}</span> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

/** A note on one criterion of the check, committed when the user leaves it. */
function CheckNote({
  id,
  criterion,
  stored,
  onCommit,
}: {
  id: string;
  criterion: string;
  stored: string;
  onCommit(note: string): void;
}) {
  const [draft, setDraft] = useState<string | null>(null);
  const commit = () => {
    if (draft !== null && draft.trim() !== stored) onCommit(draft.trim());
    setDraft(null);
  };
  return (
    <div className="check-editor__note">
      <label className="owner-editor__label" htmlFor={id}>
        Note<span className="visually-hidden"> on {criterion}</span>
      </label>
      <textarea
        id={id}
        className="textarea board-input"
        rows={2}
        maxLength={1000}
        value={draft ?? stored}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Escape" && draft !== null && draft !== stored) {
            event.stopPropagation();
            setDraft(null);
          }
        }}
      />
    </div>
  );
}

const NOT_ANSWERED = "";

/**
 * The smart-procurement check: for each criterion, its question, an answer (yes, partly, no, or
 * not answered yet) and a note. Each answer and note is saved as soon as it is given.
 */
function CheckEditor(props: FieldEditorProps) {
  const { value, onCommit, id } = props;
  const check = checkOf(value);
  const set = (key: string, entry: { answer: string | null; note: string }) =>
    onCommit({ ...check, [key]: entry });
  const answers = [...CHECK_ANSWERS, { value: NOT_ANSWERED, label: "Not answered" }];

  return (
    <div className="check-editor">
      {CHECK_CRITERIA.map((criterion, index) => {
        const entry = check[criterion.key] ?? { answer: null, note: "" };
        const base = `${id}-${criterion.key}`;
        return (
          <fieldset key={criterion.key} className="check-editor__criterion">
            <legend className="check-editor__label">{criterion.label}</legend>
            <p className="field__hint" id={`${base}-question`}>
              {criterion.question}
            </p>
            <div className="check-editor__answers">
              {answers.map((answer, answerIndex) => {
                const answerId = index === 0 && answerIndex === 0 ? id : `${base}-${answer.value || "none"}`;
                return (
                  <span key={answer.value} className="check-editor__answer">
                    <input
                      type="radio"
                      id={answerId}
                      className="board-radio"
                      name={base}
                      value={answer.value}
                      checked={(entry.answer ?? NOT_ANSWERED) === answer.value}
                      aria-describedby={`${base}-question`}
                      onChange={() => set(criterion.key, { ...entry, answer: answer.value || null })}
                    />
                    <label htmlFor={answerId}>{answer.label}</label>
                  </span>
                );
              })}
            </div>
            <CheckNote
              id={`${base}-note`}
              criterion={criterion.label}
              stored={entry.note}
              onCommit={(note) => set(criterion.key, { ...entry, note })}
            />
          </fieldset>
        );
      })}
    </div>
  );
}

/** The editor for one field, by its kind. Rich text is edited with the document editor instead. */
export function FieldEditor(props: FieldEditorProps) {
  const codec = TEXT_CODECS[props.field.kind];
  if (codec) return <TextLikeEditor {...props} codec={codec} />;
  switch (props.field.kind) {
    case "choice":
      return <ChoiceEditor {...props} />;
    case "choices":
      return <ChoicesEditor {...props} />;
    case "flag":
      return <FlagEditor {...props} />;
    case "owner":
      return <OwnerEditor {...props} />;
    case "rowRefs":
      return <DependenciesEditor {...props} />;
    case "checkpoints":
      return <CheckpointsEditor {...props} />;
    case "evidence":
      return <EvidenceEditor {...props} />;
    case "check":
      return <CheckEditor {...props} />;
    default:
      return null;
  }
}
