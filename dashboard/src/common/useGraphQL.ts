import { useCallback, useEffect, useRef, useState } from "react";
import { useDataProvider } from "react-admin";
import type { HamafzaDataProvider } from "../dataProvider/buildDataProvider";

export interface GraphQLQueryState<T> {
  data?: T;
  error?: Error;
  isPending: boolean;
  refetch: () => void;
}

/**
 * One GraphQL operation outside the list convention (analysts' queries: duplicates, parallel work …), run again
 * whenever its variables change.
 */
export function useGraphQLQuery<T>(
  query: string,
  variables: Record<string, unknown>,
  enabled = true,
): GraphQLQueryState<T> {
  const dataProvider = useDataProvider<HamafzaDataProvider>();
  const [state, setState] = useState<{ data?: T; error?: Error; isPending: boolean }>({ isPending: enabled });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables);
  const latest = useRef(0);
  useEffect(() => {
    if (!enabled) return;
    const run = ++latest.current;
    setState((previous) => ({ ...previous, isPending: true }));
    dataProvider.graphql<T>(query, JSON.parse(key)).then(
      (data) => run === latest.current && setState({ data, isPending: false }),
      (error: unknown) =>
        run === latest.current &&
        setState({ error: error instanceof Error ? error : new Error(String(error)), isPending: false }),
    );
  }, [dataProvider, query, key, tick, enabled]);
  const refetch = useCallback(() => setTick((count) => count + 1), []);
  return { ...state, refetch };
}

/** The GraphQL runner of the data provider, for mutations outside the list convention (licence transitions …). */
export function useGraphQL() {
  const dataProvider = useDataProvider<HamafzaDataProvider>();
  return useCallback(
    <T>(query: string, variables?: Record<string, unknown>) => dataProvider.graphql<T>(query, variables),
    [dataProvider],
  );
}
