import type { IntrospectionField } from "graphql";
import { typeToString } from "./typeIndex";

export type OperationKind = "query" | "mutation";

export const RESULT_ALIAS = "data";

export function buildOperation(kind: OperationKind, field: IntrospectionField, selection: string): string {
  const variables = field.args.map((arg) => `$${arg.name}: ${typeToString(arg.type)}`);
  const args = field.args.map((arg) => `${arg.name}: $${arg.name}`);
  const header = variables.length ? `(${variables.join(", ")})` : "";
  const call = args.length ? `(${args.join(", ")})` : "";
  return `${kind} ${field.name}${header} { ${RESULT_ALIAS}: ${field.name}${call} { ${selection} } }`;
}

export function pageSelection(itemSelection: string): string {
  return `items { ${itemSelection} } totalCount`;
}
