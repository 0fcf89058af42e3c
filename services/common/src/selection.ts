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

/**
 * Whether the request selects the field at `path` below the field being resolved (e.g. `["items", "indicators"]` of
 * a page), through aliases, inline fragments and fragment spreads. Lets a resolver leave out what only that field
 * reads (a large column) when the request does not ask for it; a field under `@skip`/`@include` counts as selected.
 */
export function selectsPath(info: GraphQLResolveInfo, path: readonly string[]): boolean {
  const reaches = (set: SelectionSetNode | undefined, depth: number, spread: ReadonlySet<string>): boolean => {
    if (depth === path.length) return true;
    if (!set) return false;
    return set.selections.some((selection) => {
      if (selection.kind === Kind.FIELD)
        return selection.name.value === path[depth] && reaches(selection.selectionSet, depth + 1, spread);
      if (selection.kind === Kind.INLINE_FRAGMENT) return reaches(selection.selectionSet, depth, spread);
      const name = selection.name.value;
      const fragment = info.fragments[name];
      return !!fragment && !spread.has(name) && reaches(fragment.selectionSet, depth, new Set([...spread, name]));
    });
  };
  return info.fieldNodes.some((node: FieldNode) => reaches(node.selectionSet, 0, new Set()));
}
