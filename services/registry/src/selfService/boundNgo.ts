import { AppError, ErrorCode, RequestContext, requireUser } from "@hamafza/common";
import { EntityManager } from "typeorm";
import { Ngo } from "../entities/Ngo";
import { currentLicenceByNgo } from "../resolvers/licenceLoaders";
import { deriveLicenceState } from "../resolvers/licenceState";
import { selfServiceRefusal } from "../changeRequest/ngoChangeRequestRules";

/**
 * The NGO a representative speaks for, locked for a self-service write: FORBIDDEN when the token names none, or when
 * the NGO may no longer be changed by its representatives (dissolved, merged, licence revoked — `selfServiceRefusal`).
 */
export async function boundNgoForWrite(em: EntityManager, ctx: RequestContext): Promise<Ngo> {
  const user = requireUser(ctx);
  const ngo = user.boundId
    ? await em.findOne(Ngo, { where: { id: user.boundId }, lock: { mode: "pessimistic_write" } })
    : null;
  if (!ngo)
    throw new AppError(
      ErrorCode.FORBIDDEN,
      "حساب شما به سمنی متصل نیست؛ با کارشناسی که شما را دعوت کرده است تماس بگیرید.",
    );
  const refusal = selfServiceRefusal(ngo.status, deriveLicenceState(await currentLicenceByNgo(ctx).load(ngo.id)));
  if (refusal) throw new AppError(ErrorCode.FORBIDDEN, refusal);
  return ngo;
}
