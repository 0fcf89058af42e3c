import { FieldNode, GraphQLResolveInfo, Kind, SelectionSetNode } from "graphql";

/**
 * Whether the request selects, under the field being resolved, no field but `fields` (and `__typename`), through
 * inline fragments and fragment spreads. Lets a resolver read less when a client asks for little — e.g. only the
 * ids of a list — while answering exactly what a full read would for those fields.
 */
export function selectsOnly(info: GraphQLResolveInfo, fields: readonly string[]): boolean {
  const allowed = new Set([...fields, "__typename"]);
  const seen = new Set<string>();
  const check = (set: SelectionSetNode | undefined): boolean =>
    !set ||
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return allowed.has(selection.name.value);
      if (selection.kind === Kind.INLINE_FRAGMENT) return check(selection.selectionSet);
      if (seen.has(selection.name.value)) return true;
      seen.add(selection.name.value);
      const fragment = info.fragments[selection.name.value];
      return !!fragment && check(fragment.selectionSet);
    });
  return info.fieldNodes.every((node: FieldNode) => check(node.selectionSet));
}
