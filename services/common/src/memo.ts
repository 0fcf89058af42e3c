/**
 * `compute` remembered per argument (a `Map` keyed by it: a string, a number, or an object by identity) for as long as
 * the returned function is kept: for a pass over many rows that asks the same question many times (the quarter of a
 * day, the shape of a fact shared by every manager of an agency). `undefined` is never remembered.
 */
export function memoized<K, V>(compute: (key: K) => V): (key: K) => V {
  const known = new Map<K, V>();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) {
      value = compute(key);
      if (value !== undefined) known.set(key, value);
    }
    return value;
  };
}
