import {
  isUuid,
  linkedIds,
  normalizePersian,
  RequestContext,
  tidyDisplayText,
  Validator,
  Writable,
} from "@hamafza/common";
import { EntityManager } from "typeorm";
import { FieldOfActivity } from "../entities/FieldOfActivity";
import { Ngo } from "../entities/Ngo";
import { NgoNetwork, NgoNetworkMember } from "../entities/NgoNetwork";
import { duplicates, resolveTerritory, visibleNgos } from "./organisationSupport";
import { NgoNetworkCreateInput, NgoNetworkUpdateInput } from "./networkInputs";

/** Networks' rules: constraint messages, sorting, the write outline and input validation. */

export const NGO_NETWORK_CONSTRAINTS = {
  ngo_network_name_in_territory_unique:
    "شبکه دیگری با همین نام در این استان یا شهرستان ثبت شده است (با یکسان‌سازی نویسه‌ها).",
  ngo_network_field_fk: "حوزه فعالیت پیدا نشد.",
};

export const NETWORK_SORTABLE = {
  name: "network.nameNormalized",
  provinceId: "network.provinceId",
  countyId: "network.countyId",
  createdAt: "network.createdAt",
  updatedAt: "network.updatedAt",
};

/** The write outline of networks: the record with its member NGOs. */
export const NETWORKS: Writable<NgoNetwork, string> = {
  entity: NgoNetwork,
  typeName: "NgoNetwork",
  label: "شبکه تشکل‌های همسو",
  constraints: NGO_NETWORK_CONSTRAINTS,
  related: linkedIds("memberNgoIds", NgoNetworkMember, "ngoNetworkId", "ngoId"),
};

/**
 * Validates every given field (reporting all problems at once), copies them onto the network and returns the
 * member ids after the change (the coordinator always among them). Coordinator and members must be NGOs the user
 * can see, of the network's territory after the change.
 */
export async function applyNetworkInput(
  em: EntityManager,
  ctx: RequestContext,
  network: NgoNetwork,
  input: NgoNetworkCreateInput | NgoNetworkUpdateInput,
  current: string[],
): Promise<string[]> {
  const v = new Validator();
  if (input.name !== undefined) v.text(input.name, "name", "نام شبکه", { min: 3, max: 200 });
  v.check(input.fieldId !== null, "fieldId", "حوزه فعالیت شبکه را انتخاب کنید.");
  v.check(input.coordinatorNgoId !== null, "coordinatorNgoId", "سمن هماهنگ‌کننده را انتخاب کنید.");
  if (input.fieldId) {
    const field = isUuid(input.fieldId) ? await em.findOneBy(FieldOfActivity, { id: input.fieldId }) : null;
    v.check(field !== null, "fieldId", `حوزه فعالیتی با شناسه «${input.fieldId}» وجود ندارد.`);
  }
  const territory = await resolveTerritory(em, v, input, {
    provinceId: network.provinceId ?? null,
    countyId: network.countyId ?? null,
  });
  v.check(
    !!network.provinceId || input.provinceId !== undefined || input.countyId !== undefined,
    "provinceId",
    "استان یا شهرستان شبکه را وارد کنید.",
  );

  const coordinatorId = input.coordinatorNgoId ?? network.coordinatorNgoId;
  const given = input.memberNgoIds === undefined ? current : (input.memberNgoIds ?? []);
  v.check(duplicates(given).length === 0, "memberNgoIds", "هر سمن تنها یک بار می‌تواند عضو شبکه باشد.");
  const memberIds = [...new Set(coordinatorId ? [coordinatorId, ...given] : given)];
  const provinceId = territory?.provinceId ?? network.provinceId;
  const countyId = territory ? territory.countyId : network.countyId;
  if (provinceId) {
    const known = await visibleNgos(em, ctx, memberIds);
    const place = (ngo: Ngo) => (countyId ? ngo.countyId === countyId : ngo.provinceId === provinceId);
    const outside = countyId ? "این شهرستان" : "این استان";
    if (coordinatorId) {
      const coordinator = known.get(coordinatorId);
      v.check(!!coordinator, "coordinatorNgoId", `سمنی با شناسه «${coordinatorId}» پیدا نشد.`);
      if (coordinator)
        v.check(
          place(coordinator),
          "coordinatorNgoId",
          `«${coordinator.name}» سمن ${outside} نیست و نمی‌تواند هماهنگ‌کننده شبکه باشد.`,
        );
    }
    given.forEach((id, i) => {
      const ngo = known.get(id);
      v.check(!!ngo, `memberNgoIds.${i}`, `سمنی با شناسه «${id}» پیدا نشد.`);
      if (ngo) v.check(place(ngo), `memberNgoIds.${i}`, `«${ngo.name}» سمن ${outside} نیست و نمی‌تواند عضو شبکه باشد.`);
    });
  }
  v.done();

  if (input.name !== undefined) {
    network.name = tidyDisplayText(input.name);
    network.nameNormalized = normalizePersian(input.name);
  }
  if (input.fieldId) network.fieldId = input.fieldId;
  if (input.coordinatorNgoId) network.coordinatorNgoId = input.coordinatorNgoId;
  if (territory) {
    network.provinceId = territory.provinceId;
    network.countyId = territory.countyId;
  }
  return memberIds;
}
