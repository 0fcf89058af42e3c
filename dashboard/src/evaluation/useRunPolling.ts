import { useEffect, useRef, useState } from "react";
import { useGraphQL } from "../common/useGraphQL";
import { RUN_BY_ID, type Run } from "./evaluationApi";

export const POLL_INTERVAL_MS = 700;
const MAX_CONSECUTIVE_ERRORS = 10;

/**
 * Follows a RUNNING run: asks `evaluationRun(id)` every 700 ms until it is SUCCEEDED or FAILED, then calls
 * `onSettled` once. `initial` (e.g. what `startEvaluationRun` returned) is shown until the first answer.
 */
export function useRunPolling(runId: string | undefined, initial: Run | undefined, onSettled: (run: Run) => void) {
  const graphql = useGraphQL();
  const [run, setRun] = useState<Run | undefined>(initial);
  const [error, setError] = useState<Error>();
  const settled = useRef(onSettled);
  settled.current = onSettled;

  useEffect(() => {
    if (!runId) return;
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let failures = 0;
    setError(undefined);
    setRun((current) => (current?.id === runId ? current : initial?.id === runId ? initial : undefined));
    const poll = async () => {
      try {
        const { evaluationRun } = await graphql<{ evaluationRun: Run | null }>(RUN_BY_ID, { id: runId });
        if (cancelled) return;
        failures = 0;
        if (!evaluationRun) throw new Error("اجرای محاسبه یافت نشد.");
        setRun(evaluationRun);
        if (evaluationRun.status !== "RUNNING") {
          settled.current(evaluationRun);
          return;
        }
      } catch (caught) {
        if (cancelled) return;
        failures += 1;
        if (failures >= MAX_CONSECUTIVE_ERRORS) {
          setError(caught instanceof Error ? caught : new Error(String(caught)));
          return;
        }
      }
      timer = setTimeout(poll, POLL_INTERVAL_MS);
    };
    timer = setTimeout(poll, POLL_INTERVAL_MS);
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
    // `initial` only seeds the state: a new object for the same run must not restart the polling.
  }, [runId, graphql]);

  return { run: run?.id === runId ? run : undefined, error };
}
