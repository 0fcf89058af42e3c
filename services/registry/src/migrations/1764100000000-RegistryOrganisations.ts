import { createHash } from "node:crypto";
import { MigrationInterface, QueryRunner } from "typeorm";

// Frozen copy of the Persian search normaliser as it was when this migration was written. Migrations are history:
// a later change to the live normaliser (services/common/src/persian.ts) must not change what this migration wrote.
const FROZEN_CHAR_MAP: Record<string, string> = {
  "\u064A": "\u06CC",
  "\u0649": "\u06CC",
  "\u0643": "\u06A9",
  "\u0629": "\u0647",
  "\u06C0": "\u0647",
  "\u0623": "\u0627",
  "\u0625": "\u0627",
  "\u0671": "\u0627",
  "\u0624": "\u0648",
};
function frozenNormalizePersian(input: string | null | undefined): string {
  if (!input) return "";
  return (
    input
      .normalize("NFC")
      .replace(/[\u064A\u0649\u0643\u0629\u06C0\u0623\u0625\u0671\u0624]/g, (ch) => FROZEN_CHAR_MAP[ch] ?? ch)
      .replace(/[\u064B-\u065F\u0670\u06D6-\u06ED]/g, "")
      .replace(/\u0640/g, "")
      .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
      .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
      // eslint-disable-next-line no-misleading-character-class -- ZWNJ/ZWJ are removed one by one on purpose
      .replace(/[\u200C\u200D\u200E\u200F\u00AD\uFEFF]/g, "")
      .replace(/[\s\u00A0]+/g, "")
      .toLowerCase()
  );
}

// Frozen copy of common's stableId (name-based UUID) as it was when this migration was written.
function frozenStableId(namespace: string, key: string): string {
  const hex = createHash("sha1").update(`hamafza:${namespace}:${key}`).digest("hex");
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Ids of the governorate and county governorates this migration creates for existing managers (frozen; the live twins are in src/seed/demoOrganisations.ts). */
const governorateAgencyId = (provinceId: string) => frozenStableId("agency", `GOVERNORATE:${provinceId}`);
const countyGovernorateAgencyId = (countyId: string) => frozenStableId("agency", `COUNTY_GOVERNORATE:${countyId}`);

/** Position kinds and keys as they were when this migration was written (literal, not the live enum). */
const SINGLE_SEAT_KINDS = new Set(["COUNTY_GOVERNOR", "GOVERNOR_GENERAL", "DIRECTOR_GENERAL", "MAYOR"]);
const positionKeyOf = (kind: string, normalizedTitle: string) =>
  SINGLE_SEAT_KINDS.has(kind) ? kind : `${kind}:${normalizedTitle}`;

/** Tenures of managers registered before tenures existed start with the 1404 evaluation year, or earlier if registered earlier. */
const LEGACY_TENURE_START = "2025-03-21";

/**
 * Issue 4, organisations and places: agencies, informal-settlement areas, NGO houses, networks of aligned NGOs,
 * facilitation offices; managers get an agency, a position kind and a tenure, with one holder per position at a time.
 */
export class RegistryOrganisations1764100000000 implements MigrationInterface {
  name = "RegistryOrganisations1764100000000";

  async up(q: QueryRunner): Promise<void> {
    // Lets tables say "this county of that province" with one composite foreign key.
    await q.query(`ALTER TABLE county ADD CONSTRAINT county_id_province_unique UNIQUE (id, province_id)`);

    await q.query(`
      CREATE TABLE agency (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_normalized text NOT NULL,
        kind varchar(32) NOT NULL CONSTRAINT agency_kind_check
          CHECK (kind IN ('GOVERNORATE', 'COUNTY_GOVERNORATE', 'DIRECTORATE_GENERAL', 'COUNTY_DEPARTMENT', 'MUNICIPALITY', 'CITY_COUNCIL', 'OTHER')),
        province_id varchar(2) NOT NULL REFERENCES province(id),
        county_id varchar(4),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT agency_county_fk FOREIGN KEY (county_id, province_id) REFERENCES county(id, province_id),
        CONSTRAINT agency_level_check CHECK (
          (kind IN ('GOVERNORATE', 'DIRECTORATE_GENERAL') AND county_id IS NULL)
          OR (kind IN ('COUNTY_GOVERNORATE', 'COUNTY_DEPARTMENT', 'MUNICIPALITY', 'CITY_COUNCIL') AND county_id IS NOT NULL)
          OR kind = 'OTHER')
      )`);
    await q.query(
      `CREATE UNIQUE INDEX agency_name_in_territory_unique ON agency (province_id, coalesce(county_id, ''), name_normalized)`,
    );
    await q.query(`CREATE UNIQUE INDEX agency_governorate_unique ON agency (province_id) WHERE kind = 'GOVERNORATE'`);
    await q.query(
      `CREATE UNIQUE INDEX agency_county_governorate_unique ON agency (county_id) WHERE kind = 'COUNTY_GOVERNORATE'`,
    );
    await q.query(`CREATE INDEX agency_province_id ON agency (province_id)`);
    await q.query(`CREATE INDEX agency_county_id ON agency (county_id)`);

    await this.giveManagersPositions(q);

    await q.query(`
      CREATE TABLE informal_settlement_area (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_normalized text NOT NULL,
        kind varchar(32) NOT NULL CONSTRAINT informal_settlement_area_kind_check
          CHECK (kind IN ('INFORMAL_SETTLEMENT', 'NEIGHBOURHOOD', 'INEFFICIENT_URBAN_AREA')),
        county_id varchar(4) NOT NULL,
        province_id varchar(2) NOT NULL REFERENCES province(id),
        estimated_population integer CONSTRAINT informal_settlement_area_population_check CHECK (estimated_population >= 0),
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT informal_settlement_area_county_fk FOREIGN KEY (county_id, province_id) REFERENCES county(id, province_id),
        CONSTRAINT informal_settlement_area_territory_unique UNIQUE (id, county_id, province_id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX informal_settlement_area_name_in_county_unique ON informal_settlement_area (county_id, name_normalized)`,
    );
    await q.query(`CREATE INDEX informal_settlement_area_province_id ON informal_settlement_area (province_id)`);

    await q.query(`
      CREATE TABLE ngo_house (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_normalized text NOT NULL,
        province_id varchar(2) NOT NULL REFERENCES province(id),
        county_id varchar(4),
        address text,
        manager_name text,
        manager_phone varchar(11),
        facilities text[] NOT NULL DEFAULT '{}',
        opened_on date,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ngo_house_county_fk FOREIGN KEY (county_id, province_id) REFERENCES county(id, province_id)
      )`);
    // One provincial house per province, one house per county.
    await q.query(`CREATE UNIQUE INDEX ngo_house_territory_unique ON ngo_house (province_id, coalesce(county_id, ''))`);
    await q.query(`CREATE INDEX ngo_house_county_id ON ngo_house (county_id)`);
    await q.query(`
      CREATE TABLE ngo_house_member (
        ngo_house_id uuid NOT NULL REFERENCES ngo_house(id) ON DELETE CASCADE,
        ngo_id uuid NOT NULL REFERENCES ngo(id) ON DELETE CASCADE,
        joined_on date,
        PRIMARY KEY (ngo_house_id, ngo_id)
      )`);
    await q.query(`CREATE INDEX ngo_house_member_ngo_id ON ngo_house_member (ngo_id)`);

    await q.query(`
      CREATE TABLE ngo_network (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_normalized text NOT NULL,
        field_id uuid NOT NULL CONSTRAINT ngo_network_field_fk REFERENCES field_of_activity(id) ON DELETE RESTRICT,
        coordinator_ngo_id uuid REFERENCES ngo(id) ON DELETE SET NULL,
        province_id varchar(2) NOT NULL REFERENCES province(id),
        county_id varchar(4),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT ngo_network_county_fk FOREIGN KEY (county_id, province_id) REFERENCES county(id, province_id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX ngo_network_name_in_territory_unique ON ngo_network (province_id, coalesce(county_id, ''), name_normalized)`,
    );
    await q.query(`CREATE INDEX ngo_network_county_id ON ngo_network (county_id)`);
    await q.query(`CREATE INDEX ngo_network_field_id ON ngo_network (field_id)`);
    await q.query(`CREATE INDEX ngo_network_coordinator_ngo_id ON ngo_network (coordinator_ngo_id)`);
    await q.query(`
      CREATE TABLE ngo_network_member (
        ngo_network_id uuid NOT NULL REFERENCES ngo_network(id) ON DELETE CASCADE,
        ngo_id uuid NOT NULL REFERENCES ngo(id) ON DELETE CASCADE,
        PRIMARY KEY (ngo_network_id, ngo_id)
      )`);
    await q.query(`CREATE INDEX ngo_network_member_ngo_id ON ngo_network_member (ngo_id)`);

    await q.query(`
      CREATE TABLE facilitation_office (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        name_normalized text NOT NULL,
        area_id uuid NOT NULL,
        county_id varchar(4) NOT NULL,
        province_id varchar(2) NOT NULL,
        partner_agency_id uuid NOT NULL CONSTRAINT facilitation_office_partner_agency_fk REFERENCES agency(id),
        opened_on date NOT NULL,
        has_dedicated_space boolean NOT NULL DEFAULT false,
        notes text,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT facilitation_office_area_fk FOREIGN KEY (area_id, county_id, province_id)
          REFERENCES informal_settlement_area(id, county_id, province_id)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX facilitation_office_name_in_county_unique ON facilitation_office (county_id, name_normalized)`,
    );
    await q.query(`CREATE INDEX facilitation_office_area_id ON facilitation_office (area_id)`);
    await q.query(`CREATE INDEX facilitation_office_province_id ON facilitation_office (province_id)`);
    await q.query(`CREATE INDEX facilitation_office_partner_agency_id ON facilitation_office (partner_agency_id)`);
    await q.query(`
      CREATE TABLE facilitation_office_operator (
        facilitation_office_id uuid NOT NULL REFERENCES facilitation_office(id) ON DELETE CASCADE,
        ngo_id uuid NOT NULL REFERENCES ngo(id) ON DELETE CASCADE,
        PRIMARY KEY (facilitation_office_id, ngo_id)
      )`);
    await q.query(`CREATE INDEX facilitation_office_operator_ngo_id ON facilitation_office_operator (ngo_id)`);
  }

  /**
   * Managers get an agency, a position kind, a position key and a tenure. Rows registered before this migration
   * (the demo county governors and provincial deputies) are given the county governorate or governorate of their
   * territory (created if missing) and a tenure starting on 1 Farvardin 1404 (or their registration day, if earlier).
   * Then the columns become required and the one-holder-per-position rule is enforced by the database.
   */
  private async giveManagersPositions(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE manager
        ADD COLUMN agency_id uuid CONSTRAINT manager_agency_fk REFERENCES agency(id),
        ADD COLUMN position_kind varchar(32),
        ADD COLUMN position_key text,
        ADD COLUMN tenure_start date,
        ADD COLUMN tenure_end date,
        ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now()`);

    const legacy: {
      id: string;
      position: string;
      provinceId: string;
      countyId: string | null;
      registeredOn: string;
    }[] = await q.query(
      `SELECT id, position, province_id AS "provinceId", county_id AS "countyId",
              to_char((created_at AT TIME ZONE 'Asia/Tehran')::date, 'YYYY-MM-DD') AS "registeredOn"
         FROM manager ORDER BY created_at DESC, id`,
    );
    const taken = new Set<string>();
    for (const row of legacy) {
      const agencyId = row.countyId
        ? await this.ensureCountyGovernorate(q, row.countyId)
        : await this.ensureGovernorate(q, row.provinceId);
      const title = frozenNormalizePersian(row.position);
      let kind: string = "OTHER";
      if (row.countyId && title.startsWith(frozenNormalizePersian("فرماندار"))) kind = "COUNTY_GOVERNOR";
      else if (!row.countyId && title.startsWith(frozenNormalizePersian("استاندار"))) kind = "GOVERNOR_GENERAL";
      else if (title.startsWith(frozenNormalizePersian("معاون"))) kind = "DEPUTY_GOVERNOR";
      let key = positionKeyOf(kind, title);
      // Two legacy holders of one position (never in the demo data): the latest keeps it, older ones become "other" positions.
      if (taken.has(`${agencyId}/${key}`)) {
        kind = "OTHER";
        key = `OTHER:legacy:${row.id}`;
      }
      taken.add(`${agencyId}/${key}`);
      const start = row.registeredOn < LEGACY_TENURE_START ? row.registeredOn : LEGACY_TENURE_START;
      await q.query(
        `UPDATE manager SET agency_id = $2, position_kind = $3, position_key = $4, tenure_start = $5 WHERE id = $1`,
        [row.id, agencyId, kind, key, start],
      );
    }

    await q.query(`
      ALTER TABLE manager
        ALTER COLUMN agency_id SET NOT NULL,
        ALTER COLUMN position_kind SET NOT NULL,
        ALTER COLUMN position_key SET NOT NULL,
        ALTER COLUMN tenure_start SET NOT NULL,
        ADD CONSTRAINT manager_position_kind_check
          CHECK (position_kind IN ('COUNTY_GOVERNOR', 'GOVERNOR_GENERAL', 'DEPUTY_GOVERNOR', 'DIRECTOR_GENERAL', 'MAYOR', 'OTHER')),
        ADD CONSTRAINT manager_tenure_order CHECK (tenure_end IS NULL OR tenure_end >= tenure_start)`);
    await q.query(`CREATE INDEX manager_agency_id ON manager (agency_id)`);
    await q.query(`CREATE INDEX manager_tenure ON manager (tenure_start, tenure_end)`);
    // At most one open tenure per position …
    await q.query(
      `CREATE UNIQUE INDEX manager_open_tenure_unique ON manager (agency_id, position_key) WHERE tenure_end IS NULL`,
    );
    // … and no two tenures of one position overlapping (an exclusion constraint would need btree_gist, which the
    // service role may not install; this trigger serialises writers of one position with an advisory lock).
    await q.query(`
      CREATE FUNCTION manager_one_holder_per_position() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
      BEGIN
        IF NEW.tenure_end IS NOT NULL AND NEW.tenure_end < NEW.tenure_start THEN
          RETURN NEW; -- refused by manager_tenure_order
        END IF;
        PERFORM pg_advisory_xact_lock(hashtextextended('manager-position:' || NEW.agency_id::text || ':' || NEW.position_key, 0));
        IF EXISTS (
          SELECT 1 FROM manager m
           WHERE m.agency_id = NEW.agency_id AND m.position_key = NEW.position_key AND m.id <> NEW.id
             AND daterange(m.tenure_start, m.tenure_end, '[]') && daterange(NEW.tenure_start, NEW.tenure_end, '[]')
        ) THEN
          RAISE EXCEPTION 'overlapping tenures of one position (agency %, position %)', NEW.agency_id, NEW.position_key
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'manager_one_holder_per_position';
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`
      CREATE TRIGGER manager_one_holder_per_position BEFORE INSERT OR UPDATE OF agency_id, position_key, tenure_start, tenure_end ON manager
        FOR EACH ROW EXECUTE FUNCTION manager_one_holder_per_position()`);
  }

  private async ensureGovernorate(q: QueryRunner, provinceId: string): Promise<string> {
    const [existing] = await q.query(`SELECT id FROM agency WHERE kind = 'GOVERNORATE' AND province_id = $1`, [
      provinceId,
    ]);
    if (existing) return existing.id;
    const [province] = await q.query(`SELECT name FROM province WHERE id = $1`, [provinceId]);
    const name = `استانداری ${province.name}`;
    const id = governorateAgencyId(provinceId);
    await q.query(
      `INSERT INTO agency (id, name, name_normalized, kind, province_id) VALUES ($1, $2, $3, 'GOVERNORATE', $4)`,
      [id, name, frozenNormalizePersian(name), provinceId],
    );
    return id;
  }

  private async ensureCountyGovernorate(q: QueryRunner, countyId: string): Promise<string> {
    const [existing] = await q.query(`SELECT id FROM agency WHERE kind = 'COUNTY_GOVERNORATE' AND county_id = $1`, [
      countyId,
    ]);
    if (existing) return existing.id;
    const [county] = await q.query(`SELECT name, province_id AS "provinceId" FROM county WHERE id = $1`, [countyId]);
    const name = `فرمانداری ${county.name}`;
    const id = countyGovernorateAgencyId(countyId);
    await q.query(
      `INSERT INTO agency (id, name, name_normalized, kind, province_id, county_id) VALUES ($1, $2, $3, 'COUNTY_GOVERNORATE', $4, $5)`,
      [id, name, frozenNormalizePersian(name), county.provinceId, countyId],
    );
    return id;
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE facilitation_office_operator`);
    await q.query(`DROP TABLE facilitation_office`);
    await q.query(`DROP TABLE ngo_network_member`);
    await q.query(`DROP TABLE ngo_network`);
    await q.query(`DROP TABLE ngo_house_member`);
    await q.query(`DROP TABLE ngo_house`);
    await q.query(`DROP TABLE informal_settlement_area`);
    await q.query(`DROP TRIGGER manager_one_holder_per_position ON manager`);
    await q.query(`DROP FUNCTION manager_one_holder_per_position()`);
    await q.query(`
      ALTER TABLE manager
        DROP COLUMN agency_id, DROP COLUMN position_kind, DROP COLUMN position_key,
        DROP COLUMN tenure_start, DROP COLUMN tenure_end, DROP COLUMN updated_at`);
    await q.query(`DROP TABLE agency`);
    await q.query(`ALTER TABLE county DROP CONSTRAINT county_id_province_unique`);
  }
}
