import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { marker, scanMarkers, TextAppender } from "./clients";

describe("the load generator's writer", () => {
  it("writes the same bytes as Yjs for appending to its own text, and every marker is found", () => {
    const doc = new Y.Doc();
    const fromYjs: Uint8Array[] = [];
    doc.on("update", (update: Uint8Array) => fromYjs.push(update));
    const appender = new TextAppender(doc.clientID);
    const texts = [marker(1), marker(27), marker(123456), "plain", marker(9)];

    const ours = texts.map((text) => appender.append(text));
    for (const text of texts) doc.getText("t").insert(doc.getText("t").length, text);

    expect(ours).toEqual(fromYjs);
    const replica = new Y.Doc();
    for (const update of ours) Y.applyUpdate(replica, update);
    expect(replica.getText("t").toString()).toBe(texts.join(""));
    const found: number[] = [];
    scanMarkers(Y.encodeStateAsUpdate(replica), (seq) => found.push(seq));
    expect(found).toEqual([1, 27, 123456, 9]);
  });
});
