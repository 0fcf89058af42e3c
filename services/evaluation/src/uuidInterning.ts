/**
 * The snapshot's ids as short tokens (snapshot format 3, `snapshotPacking.ts`): `UuidInterner` numbers the ids of a
 * text in order of first use, and `InternedJson` writes a value's JSON with its ids already tokenised.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;

/**
 * Interns the UUIDs of a text given in consecutive pieces (ids numbered in order of first use over all the pieces),
 * so `table() + "\n" + pieces.map(intern).join("")` is `internUuids(pieces.join(""))` when no UUID is split
 * between two pieces (pieces of JSON text cut between values, as `jsonPieces` cuts them, never split one).
 */
export class UuidInterner {
  /** Each id's token. */
  private readonly tokens = new Map<string, string>();
  private readonly ids: string[] = [];

  /** The token of `id` (a lower-case UUID), numbering it if it is new. */
  readonly token = (id: string): string => {
    let token = this.tokens.get(id);
    if (token === undefined) {
      token = `\u0001${this.ids.length.toString(36)}\u0002`;
      this.tokens.set(id, token);
      this.ids.push(id.replace(/-/g, ""));
    }
    return token;
  };

  intern(piece: string): string {
    if (piece.includes("\u0001")) throw new Error("snapshot JSON text holds a raw U+0001");
    return piece.replace(UUID, this.token);
  }

  /** The ids met so far, 32 hex digits each, in order of first use. */
  table(): string {
    return this.ids.join("");
  }
}

/** Whether `text` starts with a lower-case UUID (what `UUID` matches). */
function startsWithUuid(text: string): boolean {
  if (text.length < 36) return false;
  for (let i = 0; i < 36; i++) {
    const c = text.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (c !== 45) return false; // -
    } else if (!((c >= 48 && c <= 57) || (c >= 97 && c <= 102))) return false; // 0-9, a-f
  }
  return true;
}

/**
 * `UuidInterner.intern(JSON.stringify(value))`, written value by value for plain JSON data (what a snapshot's facts
 * are: parsed JSON), each string interned on its own — where interning the stringified text ran a regular
 * expression over all of it and called back for each of its ≈ 1.5 million ids (for the whole country the snapshot
 * packing's largest cost). A string that is or starts with an id takes its token straight from the interner (the
 * same string object again and again for an NGO's id, so its hash is computed once), one too short to hold an id
 * is only stringified; the rest go through the regular expression as before. The ids are numbered in the order the
 * text meets them (a key's before its member's), so the text is the same. What is not a plain object, array or
 * primitive (`toJSON`, boxed primitives, class instances), and anything nested deeper than 64 levels, is
 * stringified and interned as before (so a cycle is refused as JSON.stringify refuses it). `extraBytes`: how many
 * more UTF-8 bytes the text written so far has before interning (ids and tokens are ASCII).
 */
export class InternedJson {
  private static readonly MAX_DEPTH = 64;
  /** How deep `object` is nested now: past `MAX_DEPTH`, JSON.stringify writes the rest (or refuses a cycle). */
  private depth = 0;
  extraBytes = 0;

  constructor(private readonly interner: UuidInterner) {}

  /** `interner.intern(JSON.stringify(value))`, or undefined where JSON.stringify gives undefined. */
  readonly stringify = (value: unknown): string | undefined => {
    switch (typeof value) {
      case "string":
        return this.string(value);
      case "number":
        return Number.isFinite(value) ? String(value) : "null";
      case "boolean":
        return value ? "true" : "false";
      case "object":
        return value === null ? "null" : this.object(value);
      case "undefined":
      case "function":
      case "symbol":
        return undefined;
      default:
        return this.stringified(value); // a bigint: JSON.stringify throws, as it does here
    }
  };

  /**
   * `interner.intern(JSON.stringify(value))` of a string. Without the regular expression where the string cannot
   * hold an id or starts with one (most of a snapshot's strings: ids themselves, and the licence states'
   * `<ngo id>|<day>` keys): an id in JSON text is 36 characters of hex digits and hyphens, of which an escape
   * sequence (`\u001f`, `\udc00`, `\b`, `\f`; its backslash breaks the run) can give at most the first four, so a
   * string of fewer than 32 characters holds none; a string that starts with an id has it as its text's first
   * match, and the rest of the text is the rest's.
   */
  private string(value: string): string {
    if (value.length < 32) return JSON.stringify(value);
    if (startsWithUuid(value)) {
      const token = this.interner.token(value.length === 36 ? value : value.slice(0, 36));
      this.extraBytes += 36 - token.length;
      // `"` + token, then the rest's interned text without its opening quote.
      return value.length === 36 ? `"${token}"` : `"${token}${this.string(value.slice(36)).slice(1)}`;
    }
    return this.interned(JSON.stringify(value));
  }

  /** What JSON.stringify writes for an element or member value (undefined for a member left out). */
  private object(value: object): string {
    if (!this.plain(value)) return this.stringified(value)!;
    const isArray = Array.isArray(value);
    // A cycle (or data nested deeper than facts are) goes to JSON.stringify, which refuses the cycle.
    if (this.depth >= InternedJson.MAX_DEPTH) return this.stringified(value)!;
    this.depth++;
    try {
      if (isArray) {
        const array = value as unknown[];
        let text = "[";
        for (let i = 0; i < array.length; i++) {
          if (i > 0) text += ",";
          text += this.stringify(array[i]) ?? "null";
        }
        return text + "]";
      }
      const record = value as Record<string, unknown>;
      let text = "{";
      for (const key of Object.keys(record)) {
        const member = record[key];
        if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
        // The key's ids come before the member's in the text, so they are interned first; a member JSON.stringify
        // writes as a whole (its `toJSON` may leave it out) is stringified before and interned after the key.
        const whole = typeof member === "object" && member !== null && !this.plain(member);
        const raw = whole ? (JSON.stringify(member) as string | undefined) : undefined;
        if (whole && raw === undefined) continue;
        text += `${text.length > 1 ? "," : ""}${this.string(key)}:`;
        text += whole ? this.interned(raw!) : this.stringify(member)!;
      }
      return text + "}";
    } finally {
      this.depth--;
    }
  }

  /** An array or a plain object without `toJSON`: what this class writes itself. */
  private plain(value: object): boolean {
    const proto = Object.getPrototypeOf(value) as unknown;
    if (Array.isArray(value)) return proto === Array.prototype;
    return (
      (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== "function"
    );
  }

  /** The general case: the value's JSON text, interned as a whole. */
  private stringified(value: unknown): string | undefined {
    const raw = JSON.stringify(value) as string | undefined;
    return raw === undefined ? undefined : this.interned(raw);
  }

  private interned(raw: string): string {
    const json = this.interner.intern(raw);
    this.extraBytes += raw.length - json.length;
    return json;
  }
}
