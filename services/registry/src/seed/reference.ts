import { normalizePersian } from "@hamafza/common";
import { DataSource } from "typeorm";
import { County } from "../entities/County";
import { Province } from "../entities/Province";
import { readCsv } from "./csv";

/**
 * Loads the 31 provinces and the counties in `data/` (idempotent upsert: names are corrected, nothing is
 * deleted). Extra counties can be imported from a CSV with the same columns via `importCountiesCsv`.
 */
export async function loadReferenceData(db: DataSource): Promise<{ provinces: number; counties: number }> {
  const provinces = readCsv("provinces.csv").map((row) =>
    Object.assign(new Province(), {
      id: row.code,
      name: row.name,
      nameEn: row.name_en,
      nameNormalized: normalizePersian(row.name),
    }),
  );
  const counties = readCsv("counties.csv").map(toCounty);
  await db.transaction(async (em) => {
    await em.upsert(Province, provinces, ["id"]);
    await em.upsert(County, counties, ["id"]);
  });
  return { provinces: provinces.length, counties: counties.length };
}

export function toCounty(row: Record<string, string>): County {
  return Object.assign(new County(), {
    id: row.code,
    provinceId: row.province_code,
    name: row.name,
    nameEn: row.name_en,
    nameNormalized: normalizePersian(row.name),
  });
}
