import { containsPattern, PublicNgo, PublicNgoPage } from "@hamafza/common";
import { DataSource } from "typeorm";
import { z } from "zod";
import { licenceStateParams, licenceStateSql } from "../resolvers/licenceState";

/** The largest page the public register answers. */
export const PUBLIC_PAGE_MAX = 100;

/** The public register's search: what the query string may carry, and nothing else. */
export const publicSearchSchema = z
  .object({
    q: z.string().trim().max(100).optional(),
    provinceId: z
      .string()
      .regex(/^\d{2}$/)
      .optional(),
    countyId: z
      .string()
      .regex(/^\d{4}$/)
      .optional(),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
    limit: z.coerce.number().int().min(1).max(PUBLIC_PAGE_MAX).default(25),
  })
  .strict();
export type PublicSearch = z.infer<typeof publicSearchSchema>;

interface Row {
  id: string;
  name: string;
  fields: string[] | null;
  province: string;
  county: string;
  licence_number: string | null;
  issued_on: string | null;
  expires_on: string | null;
  licence_state: string | null;
  total: string;
}

/** The listed NGOs matching the search, by name, with their current licence's state today. */
export async function searchPublicRegister(db: DataSource, search: PublicSearch): Promise<PublicNgoPage> {
  // A merged record is an alias of its survivor (docs/merging.md): only the survivor is shown.
  const conditions: string[] = [`n.status <> 'MERGED'`];
  const params: Record<string, unknown> = { ...licenceStateParams(), offset: search.offset, limit: search.limit };
  if (search.q) {
    conditions.push(`n.name_normalized LIKE :pattern`);
    params.pattern = containsPattern(search.q);
  }
  if (search.provinceId) {
    conditions.push(`n.province_id = :provinceId`);
    params.provinceId = search.provinceId;
  }
  if (search.countyId) {
    conditions.push(`n.county_id = :countyId`);
    params.countyId = search.countyId;
  }
  const sql = `
    SELECT n.id, n.name, p.name AS province, c.name AS county,
           (SELECT array_agg(f.name ORDER BY f.name) FROM ngo_field nf JOIN field_of_activity f ON f.id = nf.field_id
             WHERE nf.ngo_id = n.id) AS fields,
           cur.number AS licence_number, to_char(cur.issued_on, 'YYYY-MM-DD') AS issued_on,
           to_char(cur.expires_on, 'YYYY-MM-DD') AS expires_on,
           CASE WHEN cur.id IS NULL THEN NULL ELSE ${licenceStateSql("cur")} END AS licence_state,
           count(*) OVER () AS total
      FROM ngo_public_listing l
      JOIN ngo n ON n.id = l.ngo_id
      JOIN province p ON p.id = n.province_id
      JOIN county c ON c.id = n.county_id
      LEFT JOIN LATERAL (
        SELECT * FROM licence x WHERE x.ngo_id = n.id ORDER BY x.issued_on DESC, x.created_at DESC LIMIT 1
      ) cur ON true
     WHERE ${conditions.join(" AND ")}
     ORDER BY n.name_normalized, n.id
     OFFSET :offset LIMIT :limit`;
  const [query, values] = db.driver.escapeQueryWithParameters(sql, params);
  const rows: Row[] = await db.query(query, values);
  return {
    totalCount: rows.length ? Number(rows[0]!.total) : await countListed(db, conditions, params),
    items: rows.map(toPublicNgo),
  };
}

/** The total when the page is past the end (the window count has no row to ride on). */
async function countListed(db: DataSource, conditions: string[], params: Record<string, unknown>): Promise<number> {
  const sql = `SELECT count(*) AS total FROM ngo_public_listing l JOIN ngo n ON n.id = l.ngo_id
    WHERE ${conditions.join(" AND ")}`;
  const [query, values] = db.driver.escapeQueryWithParameters(sql, params);
  const [row] = (await db.query(query, values)) as Array<{ total: string }>;
  return Number(row?.total ?? 0);
}

function toPublicNgo(row: Row): PublicNgo {
  return {
    id: row.id,
    name: row.name,
    fieldsOfActivity: row.fields ?? [],
    province: row.province,
    county: row.county,
    licence:
      row.licence_number && row.issued_on && row.expires_on && row.licence_state
        ? { number: row.licence_number, issuedOn: row.issued_on, expiresOn: row.expires_on, state: row.licence_state }
        : null,
  };
}
