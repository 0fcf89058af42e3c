import { Client } from "pg";

/**
 * Test-only: counts the SQL statements sent by every `pg` client of this process (all subgraphs of an in-process
 * stack share the one `pg` module), so a test can assert that a list costs the same number of statements at page
 * 10 and page 100. Not exported from the package's main entry; import it from `@hamafza/common/testing`.
 */
export interface StatementCounter {
  /** Statements counted since the counter started (or since `reset`). */
  readonly count: number;
  /** The statements' texts, in order (for a failing test's message). */
  readonly statements: readonly string[];
  reset(): void;
  stop(): void;
}

const active = new Set<{ texts: string[] }>();
const JOB_QUEUE_STATEMENT = /\b(registry|engagement|evaluation|identity)_jobs\./;
let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  const original = Client.prototype.query as (...args: unknown[]) => unknown;
  (Client.prototype as unknown as { query: (...args: unknown[]) => unknown }).query = function countedQuery(
    this: Client,
    ...args: unknown[]
  ) {
    if (active.size) {
      const first = args[0];
      const text =
        typeof first === "string"
          ? first
          : typeof (first as { text?: unknown })?.text === "string"
            ? (first as { text: string }).text
            : "?";
      // The job queues' own polling and maintenance (jobs.ts: tables in `<service>_jobs`) runs on a timer, not for a request.
      if (!JOB_QUEUE_STATEMENT.test(text)) for (const counter of active) counter.texts.push(text);
    }
    return original.apply(this, args);
  };
}

/** Starts counting statements from now on (every data source of the process). */
export function countStatements(): StatementCounter {
  install();
  const state = { texts: [] as string[] };
  active.add(state);
  return {
    get count() {
      return state.texts.length;
    },
    get statements() {
      return state.texts;
    },
    reset() {
      state.texts = [];
    },
    stop() {
      active.delete(state);
    },
  };
}

/** Runs `action` and returns its result with the number of statements sent meanwhile. */
export async function withStatementCount<T>(
  action: () => Promise<T>,
): Promise<{ result: T; count: number; statements: readonly string[] }> {
  const counter = countStatements();
  try {
    const result = await action();
    return { result, count: counter.count, statements: counter.statements };
  } finally {
    counter.stop();
  }
}
