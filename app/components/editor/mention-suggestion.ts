import type { MentionOptions } from "@tiptap/extension-mention";

export interface MentionableMember {
  id: string;
  name: string;
}

type Suggestion = MentionOptions["suggestion"];
type RenderProps = Parameters<NonNullable<ReturnType<NonNullable<Suggestion["render"]>>["onStart"]>>[0];

/**
 * Typing `@` offers the city's members: a listbox under the caret, arrow keys to choose, Enter or Tab
 * to insert, Escape to close. The list is plain DOM, kept outside React's tree.
 */
export function mentionSuggestion(members: () => MentionableMember[]): Suggestion {
  return {
    char: "@",
    items: ({ query }) =>
      members()
        .filter((member) => member.name.toLowerCase().includes(query.toLowerCase()))
        .slice(0, 8),
    render: () => {
      let list: HTMLUListElement | null = null;
      let props: RenderProps | null = null;
      let selected = 0;

      const draw = () => {
        if (!list || !props) return;
        const items = props.items as MentionableMember[];
        list.replaceChildren(
          ...items.map((member, index) => {
            const option = document.createElement("li");
            option.id = `mention-option-${member.id}`;
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", String(index === selected));
            option.className =
              index === selected
                ? "mention-list__option mention-list__option--selected"
                : "mention-list__option";
            option.textContent = member.name;
            option.addEventListener("mousedown", (event) => {
              event.preventDefault();
              props?.command({ id: member.id, label: member.name });
            });
            return option;
          }),
        );
        if (items.length === 0) {
          const empty = document.createElement("li");
          empty.className = "mention-list__empty";
          empty.textContent = "No member has that name";
          list.append(empty);
        }
        const rect = props.clientRect?.();
        if (rect) {
          list.style.left = `${rect.left + window.scrollX}px`;
          list.style.top = `${rect.bottom + window.scrollY + 4}px`;
        }
      };

      return {
        onStart: (start) => {
          props = start;
          selected = 0;
          list = document.createElement("ul");
          list.className = "mention-list";
          list.setAttribute("role", "listbox");
          list.setAttribute("aria-label", "Members to mention");
          document.body.append(list);
          draw();
        },
        onUpdate: (update) => {
          props = update;
          selected = Math.min(selected, Math.max(0, update.items.length - 1));
          draw();
        },
        onKeyDown: ({ event }) => {
          const items = (props?.items ?? []) as MentionableMember[];
          if (event.key === "Escape") {
            list?.remove();
            list = null;
            return true;
          }
          if (items.length === 0) return false;
          if (event.key === "ArrowDown" || event.key === "ArrowUp") {
            selected = (selected + (event.key === "ArrowDown" ? 1 : items.length - 1)) % items.length;
            draw();
            return true;
          }
          if (event.key === "Enter" || event.key === "Tab") {
            const member = items[selected];
            if (member) props?.command({ id: member.id, label: member.name });
            return true;
          }
          return false;
        },
        onExit: () => {
          list?.remove();
          list = null;
          props = null;
        },
      };
    },
  };
}
