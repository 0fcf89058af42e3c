import { isUuid, RequestContext, requireUser, Validator, whereInTerritory } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Agency } from "../entities/Agency";
import { County } from "../entities/County";
import { Ngo } from "../entities/Ngo";
import { Province } from "../entities/Province";

/** Shared steps of the registry mutations (NGOs, agencies, managers, areas, houses, networks, offices). */

/** The agency, if it exists within the user's read territory (locked when asked: appointments serialise on it). */
export async function visibleAgency(
  em: EntityManager,
  ctx: RequestContext,
  id: string,
  lock = false,
): Promise<Agency | null> {
  if (!isUuid(id)) return null;
  const query = em.getRepository(Agency).createQueryBuilder("agency").where("agency.id = :id", { id });
  whereInTerritory(query, requireUser(ctx), { province: "agency.provinceId", county: "agency.countyId" });
  if (lock) query.setLock("pessimistic_write");
  return query.getOne();
}

/** The NGOs among `ids` that exist within the user's read territory, by id (others are reported as unknown). */
export async function visibleNgos(em: EntityManager, ctx: RequestContext, ids: string[]): Promise<Map<string, Ngo>> {
  const valid = ids.filter(isUuid);
  if (valid.length === 0) return new Map();
  const query = em.getRepository(Ngo).createQueryBuilder("ngo").where("ngo.id IN (:...ids)", { ids: valid });
  whereInTerritory(query, requireUser(ctx), { province: "ngo.provinceId", county: "ngo.countyId" });
  return new Map((await query.getMany()).map((ngo) => [ngo.id, ngo]));
}

/**
 * Resolves the province / county pair of an input applied to `current`: the county (given, or kept) decides the
 * province, and a province given too must match it; without a county the record is provincial. Reports problems on
 * `v`; returns the territory, or undefined when neither was given (or it is invalid).
 */
export async function resolveTerritory(
  em: EntityManager,
  v: Validator,
  input: { provinceId?: string | null; countyId?: string | null },
  current: { provinceId: string | null; countyId: string | null },
): Promise<{ provinceId: string; countyId: string | null } | undefined> {
  if (input.provinceId === undefined && input.countyId === undefined) return undefined;
  const countyId = input.countyId === undefined ? current.countyId : input.countyId;
  if (countyId) {
    const county = await em.findOneBy(County, { id: countyId });
    if (!county) {
      v.check(false, "countyId", `شهرستانی با کد «${countyId}» وجود ندارد.`);
      return undefined;
    }
    if (input.provinceId && input.provinceId !== county.provinceId) {
      v.check(false, "provinceId", `شهرستان «${county.name}» در استان با کد «${input.provinceId}» نیست.`);
      return undefined;
    }
    return { provinceId: county.provinceId, countyId: county.id };
  }
  const provinceId = input.provinceId ?? current.provinceId;
  if (!provinceId) {
    v.check(false, "provinceId", "استان را وارد کنید.");
    return undefined;
  }
  if (!(await em.findOneBy(Province, { id: provinceId }))) {
    v.check(false, "provinceId", `استانی با کد «${provinceId}» وجود ندارد.`);
    return undefined;
  }
  return { provinceId, countyId: null };
}

/** Ids given twice in a list input. */
export function duplicates(ids: string[]): string[] {
  const seen = new Set<string>();
  return [...new Set(ids.filter((id) => (seen.has(id) ? true : (seen.add(id), false))))];
}
