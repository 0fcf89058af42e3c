import { StringDecoder } from "node:string_decoder";
import { constants, createBrotliCompress, createBrotliDecompress } from "node:zlib";
import { FactsSnapshot, PackedSnapshotHeader } from "./scoringTypes";
import { JsonPiecesReader, TEXT_BATCH } from "./jsonPiecesReader";
import { shareStrings } from "./shareStrings";

/**
 * Snapshot format 3: how a run stores its facts since issue 13. The facts are exactly those of format 2 (scored by
 * the same code, so format 2 and 3 runs recompute alike); only the storage differs. The JSON text of the format 2
 * snapshot is packed losslessly:
 *
 * 1. every lower-case UUID in the text (managers, agencies, NGOs, meetings, resolutions … — most of the bytes, and
 *    the NGO ids recur in meeting after meeting and in the licence-state keys) is replaced by a token
 *    `\u0001<index in base 36>\u0002`, the ids kept once, in order of first use, as 32 hex digits each; JSON text
 *    never holds a raw U+0001 (JSON.stringify escapes control characters), so the tokens cannot be confused with it;
 * 2. the id table and the text are compressed with brotli (16 MiB window) into `evaluation_run.snapshot_packed`
 *    (bytea). The `snapshot` JSONB column keeps a small header (`PackedSnapshotHeader`) naming the format.
 *
 * `unpackSnapshot(packSnapshot(s))` gives back the very text of `s`, so the same object: byte-equal recomputation.
 */
export const PACKED_SNAPSHOT_ENCODING = "brotli(uuid table + uuid-interned JSON of format 2)";

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
/** The brotli parameters of a packed snapshot (with the text's length as the size hint). */
export const PACKED_SNAPSHOT_BROTLI = {
  [constants.BROTLI_PARAM_QUALITY]: 5,
  [constants.BROTLI_PARAM_LGWIN]: 24,
};

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

/** The text form of a packed snapshot before compression: `<hex ids>\n<tokenised JSON>` (pure, exported for tests). */
export function internUuids(json: string): string {
  const interner = new UuidInterner();
  const text = interner.intern(json);
  return `${interner.table()}\n${text}`;
}

/**
 * `JSON.stringify(value)` in consecutive pieces whose concatenation is exactly that text: the top-level object's
 * members, and the elements (or members) of its arrays and plain objects, each stringified on its own — so the
 * whole text (≈ 230 MB as a two-byte string for the whole country) never exists at once. Values with `toJSON`,
 * and everything deeper, are stringified whole by `stringify` (`JSON.stringify`, or `InternedJson.stringify`, whose
 * pieces are then `UuidInterner.intern` of these); the object keys of the top two levels by it too.
 */
export function* jsonPieces(
  value: unknown,
  depth = 2,
  stringify: (value: unknown) => string | undefined = JSON.stringify,
): Generator<string> {
  const plain = (v: unknown): v is Record<string, unknown> =>
    typeof v === "object" && v !== null && typeof (v as { toJSON?: unknown }).toJSON !== "function";
  if (depth === 0 || !plain(value)) {
    const text = stringify(value);
    // What JSON.stringify writes for a value it skips inside an array (undefined, a function, a symbol).
    yield text === undefined ? "null" : text;
    return;
  }
  if (Array.isArray(value)) {
    yield "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ",";
      yield* jsonPieces(value[i], depth - 1, stringify);
    }
    yield "]";
    return;
  }
  yield "{";
  let first = true;
  for (const key of Object.keys(value)) {
    const member = value[key];
    // Members JSON.stringify leaves out.
    if (member === undefined || typeof member === "function" || typeof member === "symbol") continue;
    yield `${first ? "" : ","}${stringify(key)}:`;
    first = false;
    yield* jsonPieces(member, depth - 1, stringify);
  }
  yield "}";
}

/** The id of each token of a packed snapshot, from its table (`<hex ids>`, 32 hex digits each). */
function uuidsOf(table: string): (i: number) => string {
  return (i) => {
    const hex = table.slice(i * 32, i * 32 + 32);
    if (hex.length !== 32) throw new Error(`packed snapshot: no id ${i}`);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
}

/** Tokenised text with its ids put back (`uuid`: the id of a token's index). */
function restoreTokens(text: string, uuid: (i: number) => string): string {
  // "a\u0001<i>\u0002b\u0001<j>\u0002c" → ["a", "<i>\u0002b", "<j>\u0002c"]
  const [head, ...tokens] = text.split("\u0001");
  if (tokens.length === 0) return head;
  const parts = [head];
  for (const token of tokens) {
    const end = token.indexOf("\u0002");
    parts.push(uuid(parseInt(token.slice(0, end), 36)), token.slice(end + 1));
  }
  return parts.join("");
}

/** The inverse of `internUuids`. */
export function restoreUuids(interned: string): string {
  const newline = interned.indexOf("\n");
  return restoreTokens(interned.slice(newline + 1), uuidsOf(interned.slice(0, newline)));
}

/** The interned text of a snapshot, built from its JSON pieces in order (`packSnapshot`, `packSnapshotWhenReady`). */
class SnapshotTextPacker {
  private readonly interner = new UuidInterner();
  private readonly chunks: Buffer[] = [];
  private chunkBytes = 0;
  private pending: string[] = [];
  private pendingLength = 0;
  /** The snapshot's JSON pieces, already interned. */
  private readonly json = new InternedJson(this.interner);

  pieces(snapshot: FactsSnapshot): Generator<string> {
    return jsonPieces(snapshot, 2, this.json.stringify);
  }

  /** A piece of `pieces` (interned already). */
  add(interned: string): void {
    this.pending.push(interned);
    this.pendingLength += interned.length;
    if (this.pendingLength >= TEXT_BATCH) this.flush();
  }

  private flush(): void {
    const chunk = Buffer.from(this.pending.join(""), "utf8");
    this.chunkBytes += chunk.length;
    this.chunks.push(chunk);
    this.pending = [];
    this.pendingLength = 0;
  }

  /**
   * Compresses the text in libuv's thread pool; the promise keeps only the interned bytes, not the facts. The bytes
   * are handed to the compressor chunk by chunk (each dropped once compressed), never copied into one buffer of the
   * whole text (86 MB for the whole country): the same output as one `brotliCompress` of that buffer, the compressor
   * told the whole length up front as before.
   */
  finish(snapshot: FactsSnapshot): Promise<{ header: PackedSnapshotHeader; packed: Buffer; textBytes: number }> {
    this.flush();
    const table = Buffer.from(`${this.interner.table()}\n`, "latin1");
    const chunks = this.chunks.splice(0);
    const header: PackedSnapshotHeader = {
      formatVersion: 3,
      year: snapshot.year,
      asOf: snapshot.asOf,
      encoding: PACKED_SNAPSHOT_ENCODING,
    };
    // The JSON text's bytes before interning: the interned text's, plus what the ids took more than their tokens.
    const textBytes = this.chunkBytes + this.json.extraBytes;
    const stream = createBrotliCompress({
      params: {
        ...PACKED_SNAPSHOT_BROTLI,
        [constants.BROTLI_PARAM_SIZE_HINT]: chunks.reduce((sum, chunk) => sum + chunk.length, table.length),
      },
    });
    const output: Buffer[] = [];
    const packed = new Promise<Buffer>((resolve, reject) => {
      stream.on("data", (chunk: Buffer) => output.push(chunk));
      stream.once("error", reject);
      stream.once("end", () => resolve(Buffer.concat(output.splice(0))));
    });
    stream.write(table);
    while (chunks.length > 0) stream.write(chunks.shift()!);
    stream.end();
    return packed.then((bytes) => ({ header, packed: bytes, textBytes }));
  }
}

/**
 * A run's facts (format 2; tests' facts sources may give format 1) packed for storage (format 3): the header for
 * `snapshot`, the bytes for `snapshot_packed`. The facts' JSON text is made and interned piece by piece
 * (`jsonPieces`, `UuidInterner`) on the caller's thread, never whole; the brotli compression of the interned text
 * runs in libuv's thread pool, so the caller can score while it packs. The packed text is exactly that of
 * `internUuids(JSON.stringify(snapshot))`: what earlier runs stored, and what `unpackSnapshot` reads.
 */
export function packSnapshot(
  snapshot: FactsSnapshot,
): Promise<{ header: PackedSnapshotHeader; packed: Buffer; textBytes: number }> {
  // Not async: the promise returned keeps only the interned bytes, not the facts, while they compress.
  const packer = new SnapshotTextPacker();
  for (const piece of packer.pieces(snapshot)) packer.add(piece);
  return packer.finish(snapshot);
}

/**
 * `packSnapshot` of a snapshot whose top-level member `last` (and those after it) is still being filled in until
 * `ready` resolves: the members before it are packed meanwhile, a few milliseconds at a time (the event loop keeps
 * serving what fills it), the rest once it is complete — the same bytes as `packSnapshot` of the finished snapshot.
 * A run packs its facts this way while the registry answers the licence-state questions (`licenceStates` comes after
 * the managers, facts and agencies in the text). Rejects when `ready` does. `compressing` is called once the whole
 * text is made, when only its compression (in the thread pool) remains.
 */
export async function packSnapshotWhenReady(
  snapshot: FactsSnapshot,
  last: string,
  ready: Promise<unknown>,
  compressing?: () => void,
): Promise<{ header: PackedSnapshotHeader; packed: Buffer; textBytes: number }> {
  // Observed at once: a failure of `ready` while the pieces before it are packed (turns of the event loop) is reported
  // by the await below, never as an unhandled rejection meanwhile.
  ready.catch(() => undefined);
  const packer = new SnapshotTextPacker();
  const gate = `,${JSON.stringify(last)}:`;
  let complete = false;
  let sliceStarted = performance.now();
  for (const piece of packer.pieces(snapshot)) {
    if (!complete && piece === gate) {
      await ready;
      complete = true;
    }
    packer.add(piece);
    if (!complete && performance.now() - sliceStarted > 10) {
      await new Promise((resolve) => setImmediate(resolve));
      sliceStarted = performance.now();
    }
  }
  if (!complete) throw new Error(`packed snapshot: no top-level member ${last} after the first`);
  const packed = packer.finish(snapshot);
  compressing?.();
  return packed;
}

/**
 * The facts of a format 3 run (format 2 facts, as runs write them), from its stored bytes: the value of
 * `JSON.parse(restoreUuids(decompressed text))`, read as the bytes are decompressed (`JsonPiecesReader`) — neither the
 * decompressed text nor the text with its ids (≈ 230 MB as a two-byte string for the whole country) is ever whole.
 */
export async function unpackSnapshot(packed: Buffer): Promise<FactsSnapshot> {
  const stream = createBrotliDecompress({ chunkSize: TEXT_BATCH });
  stream.end(packed);
  const tableParts: Buffer[] = [];
  let reader: JsonPiecesReader | undefined;
  const decoder = new StringDecoder("utf8");
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (reader) {
      reader.write(decoder.write(chunk));
      continue;
    }
    // The id table first, up to the first newline (hex digits only).
    const newline = chunk.indexOf(0x0a);
    if (newline < 0) {
      tableParts.push(chunk);
      continue;
    }
    tableParts.push(chunk.subarray(0, newline));
    const uuid = uuidsOf(Buffer.concat(tableParts.splice(0)).toString("latin1"));
    // Each string held once (ids and titles recur: ≈ 20 % of the facts' heap for the whole country).
    const seen = new Map<string, string>();
    reader = new JsonPiecesReader(
      (text) => restoreTokens(text, uuid),
      TEXT_BATCH,
      (value) => shareStrings(value, seen),
    );
    reader.write(decoder.write(chunk.subarray(newline + 1)));
  }
  if (!reader) throw new Error("packed snapshot: no id table");
  reader.write(decoder.end());
  return reader.end() as FactsSnapshot;
}
