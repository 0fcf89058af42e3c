export type Messages = { [key: string]: string | Messages };

/** The messages merged key by key (a later file adds keys to an earlier file's groups). */
export function mergeMessages(...parts: object[]): Messages {
  const merged: Messages = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part)) {
      const current = merged[key];
      merged[key] =
        typeof value === "object" && value !== null && typeof current === "object"
          ? mergeMessages(current, value)
          : (value as string | Messages);
    }
  }
  return merged;
}
