import { AUDIT_TABLE, explainDatabaseError, RequestContext, requireUser } from "@hamafza/common";
import { DataSource } from "typeorm";
import { Ngo } from "../entities/Ngo";
import { countyTable, fieldOfActivityTable } from "../loaders";
import { NGO_CONSTRAINTS } from "./ngoRules";
import { NgoRefs } from "./ngoProfileRules";

/*
 * The SQL of `importNgos`, set-based whatever the file's size (issue 13, S7): the reference tables come from memory,
 * the registry is asked about every national id and name of the file in one statement, and everything an import
 * writes (NGOs, their fields of activity, one audit entry per NGO) is one statement, so it lands whole or not at all.
 */

/** All counties and fields of activity, from the in-memory reference copies (`loaders.ts`): no SQL once loaded. */
export async function loadAllRefs(db: DataSource): Promise<NgoRefs> {
  const [counties, fields] = await Promise.all([countyTable.rows(db), fieldOfActivityTable.rows(db)]);
  return { counties: new Map(counties), fields: new Map(fields) };
}

/** The file's national ids and (county, normalised name) pairs that the registry already holds, in one statement. */
export async function findRegistered(
  db: DataSource,
  nationalIds: string[],
  names: { countyId: string; nameNormalized: string }[],
): Promise<{ nationalIds: Set<string>; names: Set<string> }> {
  const rows: { kind: "nationalId" | "name"; national_id: string; county_id: string; name_normalized: string }[] =
    await db.query(
      `SELECT 'nationalId' AS kind, national_id, NULL AS county_id, NULL AS name_normalized
         FROM ngo WHERE national_id = ANY($1::varchar[])
       UNION ALL
       SELECT 'name', NULL, n.county_id, n.name_normalized
         FROM ngo n JOIN unnest($2::varchar[], $3::text[]) AS f(county_id, name_normalized)
           ON n.county_id = f.county_id AND n.name_normalized = f.name_normalized`,
      [nationalIds, names.map((n) => n.countyId), names.map((n) => n.nameNormalized)],
    );
  return {
    nationalIds: new Set(rows.filter((r) => r.kind === "nationalId").map((r) => r.national_id)),
    names: new Set(rows.filter((r) => r.kind === "name").map((r) => nameKey(r.county_id, r.name_normalized))),
  };
}

/** How a (county, normalised name) pair is compared in memory. */
export const nameKey = (countyId: string, nameNormalized: string) => `${countyId}\u0000${nameNormalized}`;

/** One NGO to write: the entity as checked, its fields of activity and the file row it came from. */
export interface ImportedNgo {
  ngo: Ngo;
  fieldIds: string[];
  row: number;
}

/**
 * Writes every NGO, its fields of activity and its audit entry (action `importNgos`, its territory, the values
 * created, `importedFromRow`) in one statement. The rows travel as one JSON document — each element is also the
 * audit entry's `after`, less the derived `nameNormalized` — rather than one array parameter per column.
 */
export async function writeImportedNgos(db: DataSource, ctx: RequestContext, ngos: ImportedNgo[]): Promise<void> {
  const user = requireUser(ctx);
  const document = JSON.stringify(ngos.map(({ ngo, fieldIds, row }) => ({ ...ngo, fieldIds, importedFromRow: row })));
  try {
    await db.query(
      `WITH input AS (
         SELECT r.*, e - 'nameNormalized' AS after
           FROM jsonb_array_elements($1::jsonb) AS e,
                jsonb_to_record(e) AS r(id uuid, name text, "nameNormalized" text, "nationalId" varchar, "registrationNumber" text,
                  "countyId" varchar, "provinceId" varchar, status varchar, scope varchar, "foundedOn" date, phone varchar,
                  "otherPhones" varchar(11)[], address text, "membersCount" integer, "volunteersCount" integer, "fieldIds" uuid[])
       ), ngos AS (
         INSERT INTO ngo (id, name, name_normalized, national_id, registration_number, county_id, province_id, status, scope,
                          founded_on, phone, other_phones, address, members_count, volunteers_count)
         SELECT id, name, "nameNormalized", "nationalId", "registrationNumber", "countyId", "provinceId", status, scope,
                "foundedOn", phone, "otherPhones", address, "membersCount", "volunteersCount"
           FROM input
       ), links AS (
         INSERT INTO ngo_field (ngo_id, field_id) SELECT i.id, f.id FROM input i, unnest(i."fieldIds") AS f(id)
       )
       INSERT INTO ${AUDIT_TABLE} (actor_id, actor_username, actor_role, action, outcome, service, entity_type, entity_id,
                                   province_id, county_id, before, after, client_address, request_id)
       SELECT $2, $3, $4, 'importNgos', 'SUCCESS', $5, 'Ngo', i.id, i."provinceId", i."countyId", NULL, i.after, $6, $7
         FROM input i`,
      [document, user.id, user.username, user.role, ctx.service, ctx.clientAddress, ctx.requestId],
    );
  } catch (error) {
    throw explainDatabaseError(error, NGO_CONSTRAINTS);
  }
}
