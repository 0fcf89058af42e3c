/**
 * Replaces every string of at least `minLength` characters in `value`'s arrays and objects (not keys) by the equal
 * string first met (`seen`): what is equal stays equal, so the value means the same, but a string repeated in many
 * places (an NGO's id in each of its meetings, a meeting's title in its resolutions) is held once. `JSON.parse` makes
 * a string for each occurrence (it shares only keys and strings of up to 10 characters). Returns the value.
 */
export function shareStrings<T>(value: T, seen: Map<string, string>, minLength = 11): T {
  const share = (s: string): string => {
    if (s.length < minLength) return s;
    const first = seen.get(s);
    if (first !== undefined) return first;
    seen.set(s, s);
    return s;
  };
  const visit = (v: unknown): void => {
    if (typeof v !== "object" || v === null) return;
    if (Array.isArray(v)) {
      for (let i = 0; i < v.length; i++) {
        const item: unknown = v[i];
        if (typeof item === "string") v[i] = share(item);
        else visit(item);
      }
      return;
    }
    const record = v as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === "string") record[key] = share(item);
      else visit(item);
    }
  };
  visit(value);
  return value;
}
