import { HttpError } from "ra-core";

/**
 * Client side of the server's concurrency conventions (README, "Concurrent edits and retries"): the version a form
 * read goes back as `expectedVersion`; each create submission carries one idempotency key, the same when the very
 * same submission is retried; a CONFLICT on a stale version is announced to the conflict dialog.
 */

const keys = new WeakMap<object, string>();

/** One key per submitted data object: a retry of the same submission reuses it, a new submission gets a fresh one. */
export function idempotencyKeyFor(data: object, newKey: () => string = () => crypto.randomUUID()): string {
  let key = keys.get(data);
  if (!key) {
    key = newKey();
    keys.set(data, key);
  }
  return key;
}

/** The version the client read, if the record carries one. */
export function expectedVersionOf(previousData: unknown): number | undefined {
  const version = (previousData as { version?: unknown } | undefined)?.version;
  return typeof version === "number" && Number.isInteger(version) ? version : undefined;
}

export interface EditConflict {
  resource: string;
  id: unknown;
  message: string;
  currentVersion: number;
  updatedBy: string | null;
  updatedAt: string;
}

/** The details of a stale-version CONFLICT error, or null for any other error. */
export function conflictOf(error: unknown, resource: string, id: unknown): EditConflict | null {
  if (!(error instanceof HttpError)) return null;
  const body = error.body as { code?: string; graphQLErrors?: { extensions?: Record<string, unknown> }[] } | undefined;
  const extensions = body?.graphQLErrors?.[0]?.extensions;
  if (body?.code !== "CONFLICT" || typeof extensions?.currentVersion !== "number") return null;
  return {
    resource,
    id,
    message: error.message,
    currentVersion: extensions.currentVersion,
    updatedBy: typeof extensions.updatedBy === "string" ? extensions.updatedBy : null,
    updatedAt: String(extensions.updatedAt ?? ""),
  };
}

type Listener = (conflict: EditConflict) => void;
const listeners = new Set<Listener>();

/** Subscribes to edit conflicts; returns the unsubscribe function. */
export function onEditConflict(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function announceEditConflict(conflict: EditConflict): void {
  for (const listener of listeners) listener(conflict);
}
