import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { PoolClient } from "pg";
import { from as copyFromStdin } from "pg-copy-streams";
import { EntityManager } from "typeorm";

/**
 * `COPY … FROM STDIN` inside the transaction of `em` (a `db.transaction` callback's manager), fed with text chunks as
 * `chunks` produces them: PostgreSQL takes the rows on its own core while the caller makes the next ones, and a chunk
 * is written only when the connection has taken the one before it (backpressure), so neither side holds more than a
 * few chunks. Each chunk is whole lines of COPY's text format (`sql` names the columns). When `chunks` throws, the COPY
 * is abandoned (CopyFail) and the error rejects here: the transaction rolls back with nothing written. Resolves with
 * the number of rows PostgreSQL copied.
 */
export async function copyFrom(em: EntityManager, sql: string, chunks: AsyncIterable<string>): Promise<number> {
  const runner = em.queryRunner;
  if (!runner?.isTransactionActive) throw new Error("copyFrom: not inside a transaction");
  const client = (await runner.connect()) as PoolClient;
  const copy = client.query(copyFromStdin(sql));
  await pipeline(Readable.from(chunks, { objectMode: false }), copy);
  return copy.rowCount;
}

/** COPY's text format: a backslash, tab, newline or carriage return inside a value is written as its escape. */
const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/**
 * One value as a field of COPY's text format (fields are joined by tabs, a row ends with a newline): `\N` for null,
 * text escaped, a finite number as JavaScript writes it (what `pg` sends for a number parameter), an integer array as
 * `{1,2}`; anything else is refused.
 */
export function copyField(value: unknown): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value === "string") return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]) : value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "t" : "f";
  if (Array.isArray(value) && value.every((n) => Number.isInteger(n))) return `{${value.join(",")}}`;
  throw new TypeError(`copyField: ${typeof value} is not a field COPY's text format is written with here`);
}

/** Values as one line of COPY's text format. */
export const copyLine = (values: unknown[]): string => `${values.map(copyField).join("\t")}\n`;
