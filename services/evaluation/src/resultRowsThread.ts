import { existsSync } from "node:fs";
import { join } from "node:path";
import { isMainThread, parentPort, Worker, workerData } from "node:worker_threads";
import { resultValues } from "./resultRows";
import { ResultsHasher } from "./scoredResults";
import { ManagerResultData } from "./scoringTypes";

/**
 * A run's results hashed and turned into their rows on a second thread. Scoring needs the facts (≈ 1 GB for the
 * whole country, on the run's thread); what follows needs only each result: its canonical JSON text (which the
 * scoring thread writes anyway, and hands over as one string), the results hash fed with that text, and the row's
 * values (`resultValues`: the evidence packed, the name normalized) from the text parsed back — equal values, since
 * a result is plain JSON data. So the run's thread scores while this one hashes and packs (and PostgreSQL inserts
 * the slice before): for the whole country ≈ 4–5 CPU seconds of the ≈ 15 of storing move to the other core, with
 * their garbage, collected in this thread's small heap instead of the run's large one.
 *
 * Results are sent in batches; the caller keeps at most `backlog` of them unanswered (`whenBacklogUnder`), so the
 * texts waiting never pile up. Without the compiled worker (a test run from the TypeScript sources without a build)
 * the same functions run on the caller's thread.
 */

const BATCH = 50;
const ROLE = "hamafza-evaluation-result-rows";

type Request = { texts: string[] } | { digest: true };
type Answer = { values: unknown[][] } | { digest: string };

/** The worker's side: hashes every text it is given, in order, and answers each batch with its rows' values. */
function serveResultRows(): void {
  const hasher = new ResultsHasher();
  parentPort!.on("message", (request: Request) => {
    if ("texts" in request) {
      const values = request.texts.map((text) => {
        hasher.addText(text);
        return resultValues(JSON.parse(text) as ManagerResultData);
      });
      parentPort!.postMessage({ values } satisfies Answer);
    } else parentPort!.postMessage({ digest: hasher.digest() } satisfies Answer);
  });
}

if (!isMainThread && (workerData as { role?: string } | null)?.role === ROLE) serveResultRows();

/** The compiled worker script: this file from `dist` (also when the caller runs from the TypeScript sources). */
function workerScript(): string | null {
  const script = __filename.endsWith(".ts") ? join(__dirname, "..", "dist", "resultRowsThread.js") : __filename;
  return existsSync(script) ? script : null;
}

/** The caller's side: `add` each result in order, `take` the values of the rows as they are needed, then `digest`. */
export class ResultRowsThread {
  private readonly worker: Worker | null;
  private readonly hasher = new ResultsHasher(); // without the worker
  private batch: string[] = [];
  private readonly ready: unknown[][] = [];
  private unanswered = 0;
  private failure: Error | null = null;
  private wake: (() => void)[] = [];
  private digestWaiter: ((hash: string) => void) | null = null;

  constructor(useWorker = true) {
    const script = useWorker ? workerScript() : null;
    this.worker = script ? new Worker(script, { workerData: { role: ROLE } }) : null;
    this.worker?.on("message", (answer: Answer) => {
      if ("values" in answer) {
        for (const row of answer.values) this.ready.push(row);
        this.unanswered -= answer.values.length;
      } else this.digestWaiter?.(answer.digest);
      this.notify();
    });
    this.worker?.on("error", (error) => {
      this.failure = error;
      this.notify();
    });
    this.worker?.on("exit", (code) => {
      if (!this.failure) this.failure = new Error(`result rows thread stopped (exit code ${code})`);
      this.notify();
    });
  }

  /** Whether the rows are made on a second thread. */
  get threaded(): boolean {
    return this.worker !== null;
  }

  private notify() {
    const wake = this.wake;
    this.wake = [];
    for (const w of wake) w();
  }

  private until(done: () => boolean): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const check = () => {
        if (this.failure) reject(this.failure);
        else if (done()) resolve();
        else this.wake.push(check);
      };
      check();
    });
  }

  private flush() {
    if (this.batch.length === 0) return;
    this.unanswered += this.batch.length;
    this.worker!.postMessage({ texts: this.batch } satisfies Request);
    this.batch = [];
  }

  /** The next result (in the results' order). */
  add(result: ManagerResultData): void {
    if (!this.worker) {
      this.hasher.add(result);
      this.ready.push(resultValues(result));
      return;
    }
    this.batch.push(JSON.stringify(result));
    if (this.batch.length === BATCH) this.flush();
  }

  /** Resolves (after a turn of the event loop at least) once at most `backlog` results added are not yet made rows. */
  async whenBacklogUnder(backlog: number): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    if (this.worker) await this.until(() => this.unanswered <= backlog);
  }

  /** The values of the next `count` rows (`resultValues`), in order, once made. */
  async take(count: number): Promise<unknown[][]> {
    if (this.worker) {
      this.flush();
      await this.until(() => this.ready.length >= count);
    }
    if (this.ready.length < count) throw new Error(`result rows: ${count} asked, ${this.ready.length} made`);
    return this.ready.splice(0, count);
  }

  /** The results hash of every result added (`resultsHash`). */
  async digest(): Promise<string> {
    if (!this.worker) return this.hasher.digest();
    this.flush();
    const digest = new Promise<string>((resolve) => (this.digestWaiter = resolve));
    this.worker.postMessage({ digest: true } satisfies Request);
    const failed = this.until(() => false);
    failed.catch(() => undefined); // only the race below awaits it
    await Promise.race([digest, failed]);
    return digest;
  }

  /** Stops the thread (always, also after a failure). */
  async close(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    worker.removeAllListeners("exit");
    this.failure ??= new Error("result rows thread closed");
    await worker.terminate();
  }
}
