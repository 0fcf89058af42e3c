import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { operationKey, useHamafzaDataProvider } from "../common/graphqlOperations";
import { RUN_BY_ID, type Run } from "./evaluationOperations";
import { evaluationTexts } from "../messages/evaluation";

export const POLL_INTERVAL_MS = 700;
const MAX_CONSECUTIVE_ERRORS = 10;

/**
 * Follows a RUNNING run: asks `evaluationRun(id)` every 700 ms until it is SUCCEEDED or FAILED, then calls
 * `onSettled` once. `initial` (e.g. what `startEvaluationRun` returned) is shown until the first answer; a failed
 * ask is repeated, and only ten failures in a row stop the following with an error.
 */
export function useRunPolling(runId: string | undefined, initial: Run | undefined, onSettled: (run: Run) => void) {
  const dataProvider = useHamafzaDataProvider();
  const settled = useRef(onSettled);
  settled.current = onSettled;
  const settledId = useRef<string | undefined>(undefined);
  const query = useQuery({
    queryKey: operationKey(RUN_BY_ID, { id: runId }),
    queryFn: async () => {
      const { evaluationRun } = await dataProvider.graphql<{ evaluationRun: Run | null }>(RUN_BY_ID, { id: runId });
      if (!evaluationRun) throw new Error(evaluationTexts.runNotFound);
      return evaluationRun;
    },
    enabled: Boolean(runId),
    refetchInterval: (current) =>
      current.state.status !== "error" && current.state.data?.status === "RUNNING" ? POLL_INTERVAL_MS : false,
    refetchIntervalInBackground: true,
    retry: MAX_CONSECUTIVE_ERRORS - 1,
    retryDelay: POLL_INTERVAL_MS,
    // Every following starts afresh: a run's answer is never taken from an earlier following.
    gcTime: 0,
    staleTime: 0,
  });
  const run = query.data?.id === runId ? query.data : undefined;

  useEffect(() => {
    if (run && run.status !== "RUNNING" && settledId.current !== run.id) {
      settledId.current = run.id;
      settled.current(run);
    }
  }, [run]);

  return { run: run ?? (initial?.id === runId ? initial : undefined), error: query.error ?? undefined };
}
