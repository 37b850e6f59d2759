import { createHash } from "node:crypto";

/** A body of the open data API, serialised once, with its entity tag. */
export interface OpenDataBody {
  body: string;
  /** A strong validator: the SHA-256 of the body. */
  etag: string;
}

/** What an endpoint answers: the body, and when what it shows was published (null for nothing). */
export interface OpenDataAnswer extends OpenDataBody {
  lastModified: Date | null;
}

export function openDataBody(value: unknown): OpenDataBody {
  const body = JSON.stringify(value);
  return { body, etag: `"${createHash("sha256").update(body).digest("base64url")}"` };
}

export function openDataAnswer(value: unknown, lastModified: Date | null): OpenDataAnswer {
  return { ...openDataBody(value), lastModified };
}

/**
 * Values built from published data, one per key, kept while the key's version stays the same.
 * Publications and releases are never changed once stored, so a version (a publication's number, a
 * count of releases) names one content for good: a reader checks the version with one small query
 * and gets a new value the moment something is published, in every server process (decision 016).
 * There is one entry per city and kind of answer, so the cache cannot grow without bound.
 */
export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  async get(key: string, version: string, build: () => Promise<T> | T): Promise<T> {
    const cached = this.entries.get(key);
    if (cached?.version === version) return cached.value;
    const value = await build();
    this.entries.set(key, { version, value });
    return value;
  }
}
