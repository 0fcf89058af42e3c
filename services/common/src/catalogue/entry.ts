import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, CreateDateColumn, Index, PrimaryGeneratedColumn, UpdateDateColumn } from "typeorm";
import { Versioned } from "../write";

/** The schema descriptions of the fields whose wording is each catalogue's own. */
export interface CatalogueEntryDescriptions {
  id: string;
  code: string;
  name: string;
  description: string;
  active: string;
}

/**
 * The columns and fields of an entry of a catalogue administrators manage (social harms, demand categories): a
 * stable UPPER_SNAKE code, a Persian name unique once normalised, a description, a display order and whether new
 * records may still choose it. `table` names the unique indexes `<table>_code_unique` and `<table>_name_unique`.
 * Each catalogue's entity extends the class this returns (its own fields come after Versioned's, as before).
 */
export function CatalogueEntry(table: string, describe: CatalogueEntryDescriptions) {
  @ObjectType({ description: "An entry of a managed catalogue (never a type of its own in the schema)." })
  abstract class Entry extends Versioned {
    @Field(() => ID, { description: describe.id })
    @PrimaryGeneratedColumn("uuid")
    id!: string;

    @Field({ description: describe.code })
    @Index(`${table}_code_unique`, { unique: true })
    @Column({ type: "varchar", length: 40 })
    code!: string;

    @Field({ description: describe.name })
    @Column({ type: "text" })
    name!: string;

    @Index(`${table}_name_unique`, { unique: true })
    @Column({ type: "text" })
    nameNormalized!: string;

    @Field(() => String, { nullable: true, description: describe.description })
    @Column({ type: "text", nullable: true })
    description!: string | null;

    @Field(() => Int, { description: "Display order in the catalogue." })
    @Column({ type: "integer", default: 0 })
    sortOrder!: number;

    @Field({ description: describe.active })
    @Column({ type: "boolean", default: true })
    active!: boolean;

    @Field({ description: "When the record was created (UTC)." })
    @CreateDateColumn({ type: "timestamptz" })
    createdAt!: Date;

    @Field({ description: "When the record was last changed (UTC)." })
    @UpdateDateColumn({ type: "timestamptz" })
    updatedAt!: Date;
  }
  return Entry;
}

/** An entry of any catalogue, as the catalogue outline reads and writes it. */
export type CatalogueRow = InstanceType<ReturnType<typeof CatalogueEntry>>;
