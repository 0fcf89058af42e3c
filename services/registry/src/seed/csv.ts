import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";

/** Reference and demo data ship in `services/registry/data/` (two levels above both src/seed and dist/seed). */
export const DATA_DIR = join(__dirname, "..", "..", "data");

export function readCsv(fileName: string): Record<string, string>[] {
  return parse(readFileSync(join(DATA_DIR, fileName), "utf8"), {
    columns: true,
    skip_empty_lines: true,
    trim: true,
    bom: true,
  });
}
