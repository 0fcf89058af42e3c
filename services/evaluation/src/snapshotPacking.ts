import { once } from "node:events";
import { StringDecoder } from "node:string_decoder";
import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants, createBrotliCompress, createBrotliDecompress } from "node:zlib";
import { FactsSnapshot, PackedSnapshotHeader } from "./scoringTypes";
import { JsonPiecesReader, TEXT_BATCH } from "./jsonPiecesReader";
import { shareStrings } from "./shareStrings";
import { InternedJson, UuidInterner } from "./uuidInterning";

export { InternedJson, UuidInterner } from "./uuidInterning";

const brotliCompressAsync = promisify(brotliCompress);
const brotliDecompressAsync = promisify(brotliDecompress);

/**
 * Snapshot format 3: how a run stores its facts since issue 13. The facts are exactly those of format 2 (scored by
 * the same code, so format 2 and 3 runs recompute alike); only the storage differs. The JSON text of the format 2
 * snapshot is packed losslessly:
 *
 * 1. every lower-case UUID in the text (managers, agencies, NGOs, meetings, resolutions … — most of the bytes, and
 *    the NGO ids recur in meeting after meeting and in the licence-state keys) is replaced by a token
 *    `\u0001<index in base 36>\u0002`, the ids kept once, in order of first use, as 32 hex digits each; JSON text
 *    never holds a raw U+0001 (JSON.stringify escapes control characters), so the tokens cannot be confused with it;
 * 2. the id table and the tokenised text are compressed with brotli into `evaluation_run.snapshot_packed` (bytea).
 *    The `snapshot` JSONB column keeps a small header (`PackedSnapshotHeader`) naming the format and, in `encoding`,
 *    how the bytes are laid out:
 *    - `PACKED_SNAPSHOT_ENCODING` (what runs write since the eleventh round of issue 13): the table and the text
 *      compressed apart, `<table's length: 4 bytes, big-endian><brotli(table)><brotli(text)>`, so that the text is
 *      compressed as it is made (the table is complete only once the whole text is);
 *    - `TABLE_FIRST_ENCODING` (the runs before): one brotli stream of `<table>\n<text>`.
 *
 * `unpackSnapshot(packSnapshot(s))` gives back the very text of `s`, so the same object: byte-equal recomputation.
 */
export const PACKED_SNAPSHOT_ENCODING = "brotli(uuid table), brotli(uuid-interned JSON of format 2)";
/** The encoding of the format 3 runs stored before `PACKED_SNAPSHOT_ENCODING`: read, never written again. */
export const TABLE_FIRST_ENCODING = "brotli(uuid table + uuid-interned JSON of format 2)";

/**
 * The brotli parameters of both parts of a packed snapshot. Quality 4 with a 256 KiB window: for the whole country's
 * 86 MB of text ≈ 0.9 s of CPU and ≈ 25 MiB of the compressor's memory, for 13.5 MB; the quality 5 with a 16 MiB
 * window of the runs before took 3.8 s and ≈ 70 MiB, for 13.0 MB (docs/performance.md, eleventh round). The size
 * hint is fixed, not the text's length (unknown while it is compressed as it is made): without one brotli sizes
 * itself by what it is given first, a chunk of 32 K characters, and at quality 4 chooses a hasher for small inputs
 * (14.1 MB, 1.1 s for the whole country).
 */
export const PACKED_SNAPSHOT_BROTLI = {
  [constants.BROTLI_PARAM_QUALITY]: 4,
  [constants.BROTLI_PARAM_LGWIN]: 18,
  [constants.BROTLI_PARAM_SIZE_HINT]: 1 << 26,
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

/**
 * Bytes of interned text per chunk handed to the compressor: it compresses one chunk per turn of the event loop (the
 * next write starts from the last one's callback), so a chunk must be about what the packer makes in one of its
 * slices (10 ms) or the text waits, uncompressed, in the compressor's queue. Made of pieces of `TEXT_BATCH`
 * characters encoded one by one: a string of a whole chunk (2 MB for two-byte text) would be allocated in V8's
 * old generation each time, where the short-lived pieces die young.
 */
const COMPRESSOR_CHUNK = 1 << 20;
/** Bytes of text the compressor may have queued when the packer takes a turn; more, and it waits for the queue to drain. */
const COMPRESSOR_BEHIND = 4 << 20;

/**
 * The packed bytes of a snapshot, built from its JSON pieces in order (`packSnapshot`, `packSnapshotWhenReady`): the
 * interned text is handed to the compressor (libuv's thread pool) as it is made, so only the chunks not yet
 * compressed are held (`turn`), never the whole text (86 MB for the whole country); the id table, complete only at
 * the end, is compressed then, apart (`PACKED_SNAPSHOT_ENCODING`).
 */
class SnapshotTextPacker {
  private readonly interner = new UuidInterner();
  private readonly compressor = createBrotliCompress({ params: PACKED_SNAPSHOT_BROTLI });
  private readonly compressed: Promise<Buffer>;
  private textBytes = 0;
  private pending: string[] = [];
  private pendingLength = 0;
  private encoded: Buffer[] = [];
  private encodedBytes = 0;
  /** The snapshot's JSON pieces, already interned. */
  private readonly json = new InternedJson(this.interner);

  constructor() {
    this.compressed = outputOf(this.compressor);
    this.compressed.catch(() => undefined); // reported by `finish`, or the packing was abandoned
  }

  pieces(snapshot: FactsSnapshot): Generator<string> {
    return jsonPieces(snapshot, 2, this.json.stringify);
  }

  /** A piece of `pieces` (interned already). */
  add(interned: string): void {
    this.pending.push(interned);
    this.pendingLength += interned.length;
    if (this.pendingLength >= TEXT_BATCH) this.encode();
  }

  /** A turn of the event loop for the caller between slices of `add`: until the compressor has caught up, if it is behind. */
  turn(): Promise<unknown> {
    if (this.compressor.writableLength > COMPRESSOR_BEHIND) return once(this.compressor, "drain");
    return new Promise((resolve) => setImmediate(resolve));
  }

  private encode(): void {
    if (this.pending.length > 0) {
      const bytes = Buffer.from(this.pending.join(""), "utf8");
      this.encoded.push(bytes);
      this.encodedBytes += bytes.length;
      this.pending = [];
      this.pendingLength = 0;
    }
    if (this.encodedBytes >= COMPRESSOR_CHUNK) this.flush();
  }

  private flush(): void {
    if (this.encoded.length === 0) return;
    this.compressor.write(Buffer.concat(this.encoded));
    this.textBytes += this.encodedBytes;
    this.encoded = [];
    this.encodedBytes = 0;
  }

  /**
   * Once every piece is added: the header and the packed bytes. Not async: the promise keeps only the compressed
   * bytes, not the packer (its id table of the whole country) or the facts, while the last chunks compress.
   */
  finish(snapshot: FactsSnapshot): Promise<{ header: PackedSnapshotHeader; packed: Buffer; textBytes: number }> {
    this.encode();
    this.flush();
    this.compressor.end();
    const header: PackedSnapshotHeader = {
      formatVersion: 3,
      year: snapshot.year,
      asOf: snapshot.asOf,
      encoding: PACKED_SNAPSHOT_ENCODING,
    };
    // The JSON text's bytes before interning: the interned text's, plus what the ids took more than their tokens.
    const textBytes = this.textBytes + this.json.extraBytes;
    const table = brotliCompressAsync(Buffer.from(this.interner.table(), "latin1"), { params: PACKED_SNAPSHOT_BROTLI });
    return Promise.all([table, this.compressed]).then(([tableBytes, compressedText]) => {
      const length = Buffer.alloc(4);
      length.writeUInt32BE(tableBytes.length);
      return { header, packed: Buffer.concat([length, tableBytes, compressedText]), textBytes };
    });
  }

  /** Frees the compressor of a packing that will not finish (its native memory is otherwise held until collected). */
  abandon(): void {
    this.compressor.destroy();
  }
}

/** All a stream writes, once it ends (its listeners hold the output only, not whoever made the stream). */
function outputOf(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const output: Buffer[] = [];
  return new Promise<Buffer>((resolve, reject) => {
    stream.on("data", (chunk: Buffer) => output.push(chunk));
    stream.once("error", reject);
    stream.once("end", () => resolve(Buffer.concat(output.splice(0))));
  });
}

/**
 * A run's facts (format 2; tests' facts sources may give format 1) packed for storage (format 3): the header for
 * `snapshot`, the bytes for `snapshot_packed`. The facts' JSON text is made and interned piece by piece
 * (`jsonPieces`, `UuidInterner`) on the caller's thread, never whole, and handed to the compressor (libuv's thread
 * pool) as it is made. The packed text is exactly that of `internUuids(JSON.stringify(snapshot))` (the table and the text apart):
 * what earlier runs stored, and what `unpackSnapshot` reads.
 */
export function packSnapshot(
  snapshot: FactsSnapshot,
): Promise<{ header: PackedSnapshotHeader; packed: Buffer; textBytes: number }> {
  // Not async: the promise returned keeps only the packer's compressed bytes, not the facts, while they compress.
  const packer = new SnapshotTextPacker();
  try {
    for (const piece of packer.pieces(snapshot)) packer.add(piece);
  } catch (error) {
    packer.abandon();
    throw error;
  }
  return packer.finish(snapshot);
}

/**
 * `packSnapshot` of a snapshot whose top-level member `last` (and those after it) is still being filled in until
 * `ready` resolves: the members before it are packed meanwhile, the rest once it is complete, a few milliseconds at
 * a time (the event loop keeps serving what fills it, and the compressor takes the text as it is made) — the same
 * bytes as `packSnapshot` of the finished snapshot.
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
  try {
    for (const piece of packer.pieces(snapshot)) {
      if (!complete && piece === gate) {
        await ready;
        complete = true;
      }
      packer.add(piece);
      if (performance.now() - sliceStarted > 10) {
        await packer.turn();
        sliceStarted = performance.now();
      }
    }
    if (!complete) throw new Error(`packed snapshot: no top-level member ${last} after the first`);
  } catch (error) {
    packer.abandon();
    throw error;
  }
  const packed = packer.finish(snapshot);
  compressing?.();
  return packed;
}

/**
 * The facts of a format 3 run (format 2 facts, as runs write them), from its stored bytes and its header's
 * `encoding`: the value of `JSON.parse(restoreUuids(decompressed text))`, read as the bytes are decompressed
 * (`JsonPiecesReader`) — neither the decompressed text nor the text with its ids (≈ 230 MB as a two-byte string for
 * the whole country) is ever whole.
 */
export async function unpackSnapshot(packed: Buffer, encoding: string): Promise<FactsSnapshot> {
  if (encoding === TABLE_FIRST_ENCODING) return unpackTableFirst(packed);
  if (encoding !== PACKED_SNAPSHOT_ENCODING) throw new Error(`packed snapshot: unknown encoding ${encoding}`);
  if (packed.length < 4) throw new Error("packed snapshot: no id table");
  const tableEnd = 4 + packed.readUInt32BE(0);
  if (tableEnd > packed.length) throw new Error("packed snapshot: id table cut short");
  const table = (await brotliDecompressAsync(packed.subarray(4, tableEnd))).toString("latin1");
  const reader = factsReader(uuidsOf(table));
  const decoder = new StringDecoder("utf8");
  const stream = createBrotliDecompress({ chunkSize: TEXT_BATCH });
  stream.end(packed.subarray(tableEnd));
  for await (const chunk of stream as AsyncIterable<Buffer>) reader.write(decoder.write(chunk));
  reader.write(decoder.end());
  return reader.end() as FactsSnapshot;
}

/** A reader of a packed snapshot's tokenised text: the ids put back, each string held once. */
function factsReader(uuid: (i: number) => string): JsonPiecesReader {
  // Each string held once (ids and titles recur: ≈ 20 % of the facts' heap for the whole country).
  const seen = new Map<string, string>();
  return new JsonPiecesReader(
    (text) => restoreTokens(text, uuid),
    TEXT_BATCH,
    (value) => shareStrings(value, seen),
  );
}

/** `unpackSnapshot` of `TABLE_FIRST_ENCODING`: one stream, the id table up to the first newline, then the text. */
async function unpackTableFirst(packed: Buffer): Promise<FactsSnapshot> {
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
    reader = factsReader(uuidsOf(Buffer.concat(tableParts.splice(0)).toString("latin1")));
    reader.write(decoder.write(chunk.subarray(newline + 1)));
  }
  if (!reader) throw new Error("packed snapshot: no id table");
  reader.write(decoder.end());
  return reader.end() as FactsSnapshot;
}
