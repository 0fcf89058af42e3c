import { Field, Int, ObjectType } from "type-graphql";
import { NgoValues } from "./ngo";

/*
 * Bulk import of NGOs from CSV: every row is checked first (the rules of createNgo, duplicates inside the file and
 * against the registry, the importer's territory); any problem rejects the whole file with a per-row Persian
 * report and writes nothing. Otherwise all rows, their fields of activity and one audit entry per NGO (action
 * `importNgos`, so the log answers "who created this NGO" like for createNgo) go in one statement (ngoImportSql.ts).
 */

@ObjectType({ description: "A problem found in an imported file: where (row and column) and what, in Persian." })
export class NgoImportProblem {
  @Field(() => Int, {
    description:
      "Row number as a spreadsheet shows it (the header is row 1, the first NGO row 2); 1 for problems of the header.",
  })
  row!: number;

  @Field(() => String, {
    nullable: true,
    description: "The column's header as written in the file, if the problem is in one cell.",
  })
  column!: string | null;

  @Field({
    description:
      "The field concerned (`name`, `nationalId`, `countyId`, `fieldIds`, `foundedOn`, `phone`, … or `file`).",
  })
  field!: string;

  @Field({ description: "What is wrong, in Persian." })
  message!: string;

  @Field(() => String, { nullable: true, description: "The cell's value as read." })
  value!: string | null;
}

@ObjectType({ description: "The outcome of `importNgos`." })
export class NgoImportReport {
  @Field({ description: "True when every row is valid (and, unless a dry run, imported)." })
  ok!: boolean;

  @Field({ description: "Whether this was a dry run (nothing written in any case)." })
  dryRun!: boolean;

  @Field(() => Int, { description: "Number of NGO rows in the file." })
  rowCount!: number;

  @Field(() => Int, { description: "Number of NGOs created (0 on a dry run or when the file was rejected)." })
  importedCount!: number;

  @Field(() => Int, { description: "Number of problems found (the list holds at most 1000)." })
  problemCount!: number;

  @Field(() => [NgoImportProblem], { description: "Problems, by row; empty when `ok`." })
  problems!: NgoImportProblem[];

  @Field(() => [String], { description: "Headers of the file that were recognised, in file order." })
  recognisedColumns!: string[];

  @Field(() => [String], { description: "Headers of the file that were not recognised and were ignored." })
  ignoredColumns!: string[];

  @Field(() => [String], { description: "Ids of the NGOs created, in file order." })
  ngoIds!: string[];

  @Field(() => Int, { description: "Time the import took on the server, in milliseconds." })
  durationMs!: number;
}

export type Column =
  | "name"
  | "nationalId"
  | "registrationNumber"
  | "countyId"
  | "fieldIds"
  | "foundedOn"
  | "phone"
  | "address"
  | "membersCount"
  | "volunteersCount"
  | "status"
  | "scope";

export interface ParsedRow {
  row: number;
  values: NgoValues;
  fieldIds: string[];
  cells: Partial<Record<Column, string>>;
  /** The row's (county, normalised name) key when it is the first of the file with it, else null. */
  nameKey: string | null;
}
