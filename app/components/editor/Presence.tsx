import { useEffect, useState } from "react";
import type { Awareness } from "y-protocols/awareness";

interface PresentUser {
  id: string;
  name: string;
  color: string;
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]!.toUpperCase())
    .join("");
}

/** Everyone in the document, once each, from the presence the server stamped. */
export function Presence({ awareness }: { awareness: Awareness }) {
  const [people, setPeople] = useState<PresentUser[]>([]);
  useEffect(() => {
    const update = () => {
      const byId = new Map<string, PresentUser>();
      for (const state of awareness.getStates().values()) {
        const user = (state as { user?: Partial<PresentUser> }).user;
        if (user?.id && user.name && user.color) byId.set(user.id, user as PresentUser);
      }
      setPeople([...byId.values()].sort((a, b) => a.name.localeCompare(b.name)));
    };
    update();
    awareness.on("change", update);
    return () => awareness.off("change", update);
  }, [awareness]);

  if (people.length === 0) return null;
  return (
    <ul className="presence" aria-label="People in this document">
      {people.map((person) => (
        <li key={person.id} className="presence__person" title={person.name}>
          <span
            className="presence__avatar"
            aria-hidden="true"
            ref={(element) => {
              if (element) element.style.backgroundColor = person.color;
            }}
          >
            {initials(person.name)}
          </span>
          <span className="visually-hidden">{person.name}</span>
        </li>
      ))}
    </ul>
  );
}
