import { normalizePersian, tidyDisplayText, Validator } from "@hamafza/common";
import { GoverningBody } from "../entities/GoverningBody";
import { checkTerritory, trimOrNull } from "../resolvers/common";
import { GoverningBodyCreateInput, GoverningBodyUpdateInput } from "./governingBodyInputs";

/** Bodies' pure rules: input checks and which committees may belong to a body. */

export const GOVERNING_BODY_CONSTRAINTS = {
  governing_body_name_in_province_unique: "نهاد دیگری با همین نام در این استان ثبت شده است (با یکسان‌سازی نویسه‌ها).",
  working_group_body_fk: "این نهاد کمیته دارد و حذف نمی‌شود؛ نخست کمیته‌ها را از آن جدا کنید.",
};

/** Checks the input (every problem at once) and copies it onto the body. */
export function applyBodyInput(
  body: GoverningBody,
  input: GoverningBodyCreateInput | GoverningBodyUpdateInput,
  creating: boolean,
): void {
  const v = new Validator();
  if (creating || input.name !== undefined) v.text(input.name, "name", "نام نهاد", { min: 3, max: 300 });
  v.text(input.description, "description", "شرح", { max: 2000, required: false });
  if ("provinceId" in input) checkTerritory(v, input.provinceId, input.countyId);
  v.done();
  if (input.name !== undefined)
    Object.assign(body, { name: tidyDisplayText(input.name), nameNormalized: normalizePersian(input.name) });
  if (input.description !== undefined) body.description = trimOrNull(input.description);
  if ("provinceId" in input) Object.assign(body, { provinceId: input.provinceId, countyId: input.countyId || null });
}

/**
 * A committee may belong to a body of its own province; a county body takes only committees of that county.
 * Returns the Persian problem, or null.
 */
export function bodyMismatch(
  body: Pick<GoverningBody, "provinceId" | "countyId">,
  group: { provinceId: string; countyId: string | null },
): string | null {
  if (body.provinceId !== group.provinceId) return "نهاد بالادست باید از همان استان کمیته باشد.";
  if (body.countyId && body.countyId !== group.countyId)
    return "این نهاد شهرستانی است و کمیته باید از همان شهرستان باشد.";
  return null;
}
