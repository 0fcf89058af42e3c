import { promisify } from "node:util";
import { brotliCompress, brotliDecompress, constants } from "node:zlib";
import { FactsSnapshot, PackedSnapshotHeader } from "./scoringTypes";

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
const compress = promisify(brotliCompress);
const decompress = promisify(brotliDecompress);

/** The text form of a packed snapshot before compression: `<hex ids>\n<tokenised JSON>` (pure, exported for tests). */
export function internUuids(json: string): string {
  if (json.includes("\u0001")) throw new Error("snapshot JSON text holds a raw U+0001");
  const index = new Map<string, number>();
  const ids: string[] = [];
  const text = json.replace(UUID, (id) => {
    let i = index.get(id);
    if (i === undefined) {
      index.set(id, (i = ids.length));
      ids.push(id.replace(/-/g, ""));
    }
    return `\u0001${i.toString(36)}\u0002`;
  });
  return `${ids.join("")}\n${text}`;
}

/** The inverse of `internUuids`. */
export function restoreUuids(interned: string): string {
  const newline = interned.indexOf("\n");
  const table = interned.slice(0, newline);
  const uuid = (i: number) => {
    const hex = table.slice(i * 32, i * 32 + 32);
    if (hex.length !== 32) throw new Error(`packed snapshot: no id ${i}`);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  };
  // "a\u0001<i>\u0002b\u0001<j>\u0002c" → ["a", "<i>\u0002b", "<j>\u0002c"]
  const [head, ...tokens] = interned.slice(newline + 1).split("\u0001");
  const parts = [head];
  for (const token of tokens) {
    const end = token.indexOf("\u0002");
    parts.push(uuid(parseInt(token.slice(0, end), 36)), token.slice(end + 1));
  }
  return parts.join("");
}

/** A run's facts (format 2; tests' facts sources may give format 1) packed for storage (format 3): the header for `snapshot`, the bytes for `snapshot_packed`. */
export function packSnapshot(
  snapshot: FactsSnapshot,
): Promise<{ header: PackedSnapshotHeader; packed: Buffer; textBytes: number }> {
  return packSnapshotText(JSON.stringify(snapshot), snapshot);
}

/**
 * `packSnapshot` of the facts whose JSON text is `json` (a run has that text already: it stringifies the facts once,
 * scores what parsing it gives and packs the text itself). The UUID interning runs now, on the caller's thread; the
 * brotli compression runs in libuv's thread pool, so the caller can score while it packs.
 */
export async function packSnapshotText(
  json: string,
  { year, asOf }: Pick<FactsSnapshot, "year" | "asOf">,
): Promise<{ header: PackedSnapshotHeader; packed: Buffer; textBytes: number }> {
  const interned = Buffer.from(internUuids(json), "utf8");
  const packed = await compress(interned, {
    params: {
      [constants.BROTLI_PARAM_QUALITY]: 5,
      [constants.BROTLI_PARAM_LGWIN]: 24,
      [constants.BROTLI_PARAM_SIZE_HINT]: interned.length,
    },
  });
  return {
    header: { formatVersion: 3, year, asOf, encoding: PACKED_SNAPSHOT_ENCODING },
    packed,
    textBytes: Buffer.byteLength(json, "utf8"),
  };
}

/** The facts of a format 3 run (format 2 facts, as runs write them), from its stored bytes. */
export async function unpackSnapshot(packed: Buffer): Promise<FactsSnapshot> {
  return JSON.parse(restoreUuids((await decompress(packed)).toString("utf8"))) as FactsSnapshot;
}
