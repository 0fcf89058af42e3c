import { StringDecoder } from "node:string_decoder";
import { constants, createBrotliCompress, createBrotliDecompress } from "node:zlib";
import { FactsSnapshot, PackedSnapshotHeader } from "./scoringTypes";
import { JsonPiecesReader, TEXT_BATCH } from "./jsonPiecesReader";
import { shareStrings } from "./shareStrings";
import { InternedJson, UuidInterner } from "./uuidInterning";

export { InternedJson, UuidInterner } from "./uuidInterning";

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

/** The brotli parameters of a packed snapshot (with the text's length as the size hint). */
export const PACKED_SNAPSHOT_BROTLI = {
  [constants.BROTLI_PARAM_QUALITY]: 5,
  [constants.BROTLI_PARAM_LGWIN]: 24,
};

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
