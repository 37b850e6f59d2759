import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from "react";
import { isAllowedLink } from "../../../shared/editor/extensions";

interface ToolProps {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}

function Tool({ label, shortcut, active, disabled, onClick, children }: ToolProps) {
  return (
    <button
      type="button"
      className="toolbar__button"
      aria-label={label}
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-pressed={active === undefined ? undefined : active}
      aria-keyshortcuts={shortcut?.replace(/Ctrl/g, "Control")}
      disabled={disabled}
      tabIndex={-1}
      onMouseDown={(event) => event.preventDefault()}
      onClick={onClick}
    >
      {children}
    </button>
  );
}

/**
 * The formatting toolbar: one Tab stop, arrow keys move between buttons (the ARIA toolbar
 * pattern), each button named and marked pressed when its format applies.
 */
export function Toolbar({ editor }: { editor: Editor }) {
  const ref = useRef<HTMLDivElement>(null);
  const [linking, setLinking] = useState(false);
  const [linkError, setLinkError] = useState<string | null>(null);
  const state = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive("bold"),
      italic: current.isActive("italic"),
      strike: current.isActive("strike"),
      code: current.isActive("code"),
      h1: current.isActive("heading", { level: 1 }),
      h2: current.isActive("heading", { level: 2 }),
      h3: current.isActive("heading", { level: 3 }),
      bullet: current.isActive("bulletList"),
      ordered: current.isActive("orderedList"),
      task: current.isActive("taskList"),
      quote: current.isActive("blockquote"),
      link: current.isActive("link"),
      canUndo: current.can().undo(),
      canRedo: current.can().redo(),
    }),
  });
  const run = () => editor.chain().focus();

  // One Tab stop: the first button starts as it; arrow keys move it.
  useEffect(() => {
    const buttons = ref.current?.querySelectorAll<HTMLButtonElement>(".toolbar__button");
    if (buttons && ![...buttons].some((button) => button.tabIndex === 0)) buttons[0]!.tabIndex = 0;
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const buttons = [
      ...(ref.current?.querySelectorAll<HTMLButtonElement>(".toolbar__button:not(:disabled)") ?? []),
    ];
    const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowLeft: index - 1,
      Home: 0,
      End: buttons.length - 1,
    };
    if (!(event.key in moves) || buttons.length === 0) return;
    event.preventDefault();
    const next = buttons[(moves[event.key]! + buttons.length) % buttons.length]!;
    for (const button of buttons) button.tabIndex = -1;
    next.tabIndex = 0;
    next.focus();
  };

  const submitLink = (href: string) => {
    if (href.trim() === "") {
      run().unsetLink().run();
    } else if (!isAllowedLink(href)) {
      setLinkError("Use a web address starting https:// or http://, or a mailto: address");
      return;
    } else {
      run().extendMarkRange("link").setLink({ href: href.trim() }).run();
    }
    setLinkError(null);
    setLinking(false);
  };

  return (
    <div className="toolbar-wrap">
      <div className="toolbar" role="toolbar" aria-label="Formatting" ref={ref} onKeyDown={onKeyDown}>
        <Tool label="Bold" shortcut="Ctrl+B" active={state.bold} onClick={() => run().toggleBold().run()}>
          <strong>B</strong>
        </Tool>
        <Tool
          label="Italic"
          shortcut="Ctrl+I"
          active={state.italic}
          onClick={() => run().toggleItalic().run()}
        >
          <em>I</em>
        </Tool>
        <Tool
          label="Strikethrough"
          shortcut="Ctrl+Shift+S"
          active={state.strike}
          onClick={() => run().toggleStrike().run()}
        >
          <s>S</s>
        </Tool>
        <Tool label="Code" shortcut="Ctrl+E" active={state.code} onClick={() => run().toggleCode().run()}>
          {"</>"}
        </Tool>
        <span className="toolbar__separator" aria-hidden="true" />
        {([1, 2, 3] as const).map((level) => (
          <Tool
            key={level}
            label={`Heading ${level}`}
            shortcut={`Ctrl+Alt+${level}`}
            active={state[`h${level}`]}
            onClick={() => run().toggleHeading({ level }).run()}
          >
            H{level}
          </Tool>
        ))}
        <span className="toolbar__separator" aria-hidden="true" />
        <Tool
          label="Bulleted list"
          shortcut="Ctrl+Shift+8"
          active={state.bullet}
          onClick={() => run().toggleBulletList().run()}
        >
          • List
        </Tool>
        <Tool
          label="Numbered list"
          shortcut="Ctrl+Shift+7"
          active={state.ordered}
          onClick={() => run().toggleOrderedList().run()}
        >
          1. List
        </Tool>
        <Tool
          label="Task list"
          shortcut="Ctrl+Shift+9"
          active={state.task}
          onClick={() => run().toggleTaskList().run()}
        >
          ☑ Tasks
        </Tool>
        <Tool
          label="Quote"
          shortcut="Ctrl+Shift+B"
          active={state.quote}
          onClick={() => run().toggleBlockquote().run()}
        >
          “ ”
        </Tool>
        <Tool label="Link" active={state.link} onClick={() => setLinking((open) => !open)}>
          Link
        </Tool>
        <Tool
          label="Insert table"
          onClick={() => run().insertTable({ rows: 3, cols: 3, withHeaderRow: true }).run()}
        >
          Table
        </Tool>
        <Tool label="Horizontal rule" onClick={() => run().setHorizontalRule().run()}>
          ―
        </Tool>
        <span className="toolbar__separator" aria-hidden="true" />
        <Tool
          label="Undo your last change"
          shortcut="Ctrl+Z"
          disabled={!state.canUndo}
          onClick={() => run().undo().run()}
        >
          Undo
        </Tool>
        <Tool
          label="Redo"
          shortcut="Ctrl+Shift+Z"
          disabled={!state.canRedo}
          onClick={() => run().redo().run()}
        >
          Redo
        </Tool>
      </div>
      {linking ? (
        <form
          className="link-form"
          onSubmit={(event) => {
            event.preventDefault();
            submitLink(String(new FormData(event.currentTarget).get("href") ?? ""));
          }}
        >
          <label className="field__label" htmlFor="link-href">
            Link address
          </label>
          {linkError ? (
            <p className="field__error" id="link-href-error">
              {linkError}
            </p>
          ) : null}
          <div className="inline-form">
            <input
              className="input"
              id="link-href"
              name="href"
              type="url"
              autoFocus
              defaultValue={(editor.getAttributes("link").href as string | undefined) ?? "https://"}
              aria-describedby={linkError ? "link-href-error" : undefined}
              onKeyDown={(event) => {
                if (event.key === "Escape") setLinking(false);
              }}
            />
            <button type="submit" className="button button--small">
              Apply
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => setLinking(false)}
            >
              Cancel
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
