import { join } from "node:path";
import { numberVar, optionalPostgresUrlVar, readVar, setting, withClient } from "@hamafza/common";
import { EmbeddedPostgresHandle, startEmbeddedPostgres } from "./embeddedPostgres";
import { seedNationalData } from "./nationalData";
import { NationalDataSummary } from "./nationalDataOptions";
import { DATA_DIR } from "./paths";
import { prepareDatabase, PreparedDatabase } from "./prepare";

/** The national data set's own database (never the demo one). */
export const NATIONAL_DATABASE = "hamafza_national";

/** Full-size targets at NATIONAL_SCALE=1; counties and provinces do not scale. */
export const NATIONAL_TARGETS = {
  managers: 20_000,
  ngos: 30_000,
  counties: 450,
  informalSettlementAreas: 5_000,
  proposalsAndDemands: 50_000,
};

export interface NationalSeedSummary extends NationalDataSummary {
  scale: number;
  informalSettlementAreas: number;
  spellingVariants: number;
}

/** NATIONAL_SCALE (default 1): 0.1 for a tenth of the managers, NGOs and areas. */
export function nationalScale(value = process.env.NATIONAL_SCALE): number {
  return readVar("NATIONAL_SCALE", numberVar(1, { min: 0.001, max: 4 }), { NATIONAL_SCALE: value });
}

/**
 * Provision `database` (one schema and role per service, every service's migrations), then the national data set
 * at `scale`: `seedNationalData` (set-based, deterministic: every id an md5 of its key) plus informal-settlement
 * areas and realistic spelling variants of display names (Arabic ي/ك, Persian digits) whose normalised columns
 * stay what `normalizePersian` gives. Licence expiries are set from `referenceDate` (default today in Tehran;
 * `NationalDataOptions.referenceDate`); two seedings with the same reference day are equal.
 */
export async function seedNational(
  adminUrl: string,
  database: string,
  scale: number,
  log: (line: string) => void = () => undefined,
  referenceDate?: string,
): Promise<{ prepared: PreparedDatabase; summary: NationalSeedSummary }> {
  const started = performance.now();
  const prepared = await prepareDatabase(adminUrl, database, { demo: false, log });
  const data = await seedNationalData(prepared, {
    managers: Math.max(200, Math.round(NATIONAL_TARGETS.managers * scale)),
    counties: NATIONAL_TARGETS.counties,
    ngosPerCounty: ngosPerCounty(scale),
    departmentsPerCounty: 5, // 31 × 9 provincial + 450 × 6 county agencies ≈ 3,000
    referenceDate,
    requestsPerCounty: Math.max(
      20,
      Math.round((NATIONAL_TARGETS.proposalsAndDemands * scale - 31 * 40) / NATIONAL_TARGETS.counties),
    ),
    log,
  });
  const extra = await withClient(prepared.adminUrl, async (client) => {
    await client.query(`SET search_path = registry, public`);
    const areas = await client.query(
      `INSERT INTO informal_settlement_area (id, name, name_normalized, kind, county_id, province_id, estimated_population)
       SELECT md5('area:' || c.id || ':' || k)::uuid, n.area_name, regexp_replace(n.area_name, '\\s+', '', 'g'),
              (ARRAY['INFORMAL_SETTLEMENT', 'NEIGHBOURHOOD', 'INEFFICIENT_URBAN_AREA'])[1 + k % 3], c.id, c.province_id, 500 + (k * 7919) % 40000
         FROM (SELECT c.*, (row_number() OVER (ORDER BY c.id))::int AS ord FROM county c) c
        CROSS JOIN generate_series(0, $1::int - 1) AS k
        CROSS JOIN LATERAL (SELECT 'محله حاشیه‌ای ' || (k + 1) || ' ' || c.name AS area_name) n`,
      [Math.max(1, Math.round((NATIONAL_TARGETS.informalSettlementAreas * scale) / NATIONAL_TARGETS.counties))],
    );
    // Spelling variants as people type them: one NGO in ten with Arabic yeh/kaf, one in ten with Persian digits.
    // The normalised column is unchanged: normalizePersian folds both back.
    const variants = await client.query(
      `UPDATE ngo SET name = CASE WHEN ('x' || substr(md5('variant:' || id), 1, 8))::bit(32)::integer & 15 = 0
                                  THEN translate(name, 'یک', 'يك') ELSE translate(name, '0123456789', '۰۱۲۳۴۵۶۷۸۹') END
        WHERE ('x' || substr(md5('variant:' || id), 1, 8))::bit(32)::integer & 15 IN (0, 1)`,
    );
    return { informalSettlementAreas: areas.rowCount ?? 0, spellingVariants: variants.rowCount ?? 0 };
  });
  // The database as a live one is: vacuumed and analysed, as autovacuum keeps it. Bulk loading leaves every table
  // without a visibility map (so no index-only scan avoids the table) and the updates after it leave dead rows (at
  // scale 1: 32,364 of the NGOs', 177,026 of the meetings'), which the first scenarios read and autovacuum cleaned up
  // at some moment of the measurements.
  const vacuumStarted = performance.now();
  await withClient(prepared.adminUrl, (client) => client.query(`VACUUM (ANALYZE)`));
  log(`VACUUM (ANALYZE) after seeding: ${((performance.now() - vacuumStarted) / 1000).toFixed(1)} s`);
  return { prepared, summary: { ...data, ...extra, scale, durationMs: Math.round(performance.now() - started) } };
}

/**
 * NGOs per county: attendance and working-group members pick NGOs at steps of 3 modulo this number, up to 7 of
 * them, so it is at least 7 and not a multiple of 3 (else one meeting would list an NGO twice).
 */
function ngosPerCounty(scale: number): number {
  const k = Math.max(7, Math.round((NATIONAL_TARGETS.ngos * scale) / NATIONAL_TARGETS.counties));
  return k % 3 === 0 ? k + 1 : k;
}

export function describeNationalSeed(s: NationalSeedSummary): string {
  return (
    `national data (scale ${s.scale}) in ${s.durationMs} ms: ${s.counties} counties (${s.syntheticCounties} synthetic), ${s.agencies} agencies, ` +
    `${s.managers} managers, ${s.ngos} NGOs (${s.spellingVariants} spelling variants), ${s.licences} licences, ${s.meetings} meetings (${s.heldMeetings} held), ` +
    `${s.attendance} attendance rows, ${s.agendaItems} agenda items, ${s.resolutions} resolutions, ${s.workingGroups} working groups, ` +
    `${s.proposals} proposals, ${s.demands} demands, ${s.informalSettlementAreas} informal-settlement areas`
  );
}

/**
 * `npm run seed:national`: drop and recreate the `hamafza_national` database on DATABASE_URL's server, or on the
 * embedded PostgreSQL of `npm start` (.data/postgres, HAMAFZA_PG_PORT), and fill it at NATIONAL_SCALE.
 */
async function main() {
  const scale = nationalScale();
  let embedded: EmbeddedPostgresHandle | null = null;
  const adminUrl =
    readVar("DATABASE_URL", optionalPostgresUrlVar()) ??
    (embedded = await startEmbeddedPostgres({
      baseDir: join(DATA_DIR, "postgres"),
      port: setting("HAMAFZA_PG_PORT"),
      persistent: true,
    })).adminUrl;
  try {
    await withClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${NATIONAL_DATABASE} WITH (FORCE)`));
    const { summary } = await seedNational(adminUrl, NATIONAL_DATABASE, scale, (line) => console.log(line));
    console.log(describeNationalSeed(summary));
    console.log(
      `database "${NATIONAL_DATABASE}" ready (start the services on it with DATABASE_URL=…/${NATIONAL_DATABASE} HAMAFZA_DEMO=0 npm start)`,
    );
  } finally {
    await embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
