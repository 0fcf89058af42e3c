import { once } from "node:events";
import { Writable } from "node:stream";
import type ExcelJS from "exceljs";
import { Cell } from "./exportCells";

/** Writes rows of cells to a stream, waiting when the stream asks it to (bounded memory for any row count). */
export interface RowWriter {
  readonly contentType: string;
  readonly extension: string;
  start(out: Writable, headers: string[]): Promise<void>;
  row(cells: Cell[]): Promise<void>;
  end(): Promise<void>;
}

const BOM = "\uFEFF";
/** Text a spreadsheet would run as a formula is written with a leading apostrophe (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** RFC 4180 text: quoted when needed, a formula-looking text defused. */
export function csvField(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? String(cell) : "";
  const text = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV in UTF-8 with a byte-order mark (so spreadsheet programs read Persian right), CRLF line ends. */
export function csvWriter(): RowWriter {
  let out: Writable;
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, "drain");
  };
  return {
    contentType: "text/csv; charset=utf-8",
    extension: "csv",
    async start(stream, headers) {
      out = stream;
      await write(BOM + headers.map(csvField).join(",") + "\r\n");
    },
    row: (cells) => write(cells.map(csvField).join(",") + "\r\n"),
    async end() {
      out.end();
    },
  };
}

/** XLSX through exceljs's streaming writer: each row is committed to the zip as it comes; a right-to-left sheet. */
export function xlsxWriter(sheetName = "خروجی"): RowWriter {
  let workbook: ExcelJS.stream.xlsx.WorkbookWriter;
  let sheet: ExcelJS.Worksheet;
  let out: Writable;
  let pending = 0;
  return {
    contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    extension: "xlsx",
    async start(stream, headers) {
      out = stream;
      // exceljs is loaded on the first XLSX export, not at the gateway's start (≈ 8 MB of heap).
      const { stream: excelStream } = require("exceljs") as typeof ExcelJS;
      workbook = new excelStream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
      sheet = workbook.addWorksheet(sheetName, { views: [{ rightToLeft: true, state: "frozen", ySplit: 1 }] });
      sheet.columns = headers.map((header) => ({ header, width: Math.min(60, Math.max(12, header.length + 4)) }));
      sheet.getRow(1).font = { bold: true };
      sheet.getRow(1).commit();
    },
    async row(cells) {
      sheet.addRow(cells).commit();
      // The zip stream writes to `out` asynchronously; give it room every few hundred rows.
      if (++pending % 500 === 0 && out.writableNeedDrain) await once(out, "drain");
    },
    async end() {
      await workbook.commit();
    },
  };
}
