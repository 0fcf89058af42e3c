import { queryOptions, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { useDataProvider } from "ra-core";
import type { HamafzaDataProvider } from "../dataProvider/buildDataProvider";

type Variables = Record<string, unknown>;

/** The name of a named GraphQL operation (EvaluationRuns for "query EvaluationRuns(…) { … }"). */
export function operationName(document: string): string {
  const match = /^\s*(?:query|mutation)\s+([_A-Za-z][_0-9A-Za-z]*)/.exec(document);
  if (!match) throw new Error(`GraphQL operation without a name: ${document.slice(0, 60)}`);
  return match[1];
}

/**
 * The react-query key of an operation: `["graphql", name]` matches every call of it (to invalidate), with the
 * variables one call.
 */
export const operationKey = (document: string, variables?: Variables) =>
  variables === undefined ? ["graphql", operationName(document)] : ["graphql", operationName(document), variables];

/**
 * `useQuery` options for one GraphQL operation outside the list convention (analysts' queries, evaluation screens …),
 * run through the data provider's `graphql` method. Not retried: the server's message is shown at once.
 */
export function graphqlQuery<T>(dataProvider: HamafzaDataProvider, document: string, variables: Variables = {}) {
  return queryOptions({
    queryKey: operationKey(document, variables),
    queryFn: () => dataProvider.graphql<T>(document, variables),
    retry: false,
  });
}

/** Marks every cached call of the given operations stale (and refetches those on screen), after a mutation. */
export function useInvalidateOperations() {
  const queryClient = useQueryClient();
  return useCallback(
    (...documents: string[]) =>
      Promise.all(documents.map((document) => queryClient.invalidateQueries({ queryKey: operationKey(document) }))),
    [queryClient],
  );
}

/** The data provider, typed with its `graphql` method. */
export const useHamafzaDataProvider = () => useDataProvider<HamafzaDataProvider>();

/** The GraphQL runner of the data provider, for mutations outside the list convention (licence transitions …). */
export function useGraphQL() {
  const dataProvider = useHamafzaDataProvider();
  return useCallback(
    <T>(query: string, variables?: Record<string, unknown>) => dataProvider.graphql<T>(query, variables),
    [dataProvider],
  );
}
