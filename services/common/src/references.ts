import { GATEWAY_SECRET_HEADER, REQUEST_ID_HEADER } from "./auth";
import { RequestContext } from "./context";
import { AppError, ErrorCode, FieldProblem, invalidInput } from "./errors";
import { isUuid } from "./ids";
import { setting } from "./settings";

/**
 * Write-time checks of ids that point at records another service owns (docs/references.md).
 *
 * Services never read each other's tables. A write that names such records asks their owner once per request, in
 * one batched federation `_entities` query sent with the gateway secret and the caller's own token, so the owner
 * answers exactly as it would answer the caller's read: a record that does not exist, is of another kind (an
 * agency's id given as a manager) or lies outside the caller's territory comes back `null`, and the write is
 * refused with BAD_USER_INPUT naming every such field; nothing is written. An owner that cannot be reached makes
 * the write SERVICE_UNAVAILABLE (never a silent pass).
 */

/** A federation entity type and the service that owns it. */
export const REFERENCE_OWNERS = {
  Province: "registry",
  County: "registry",
  Ngo: "registry",
  Manager: "registry",
  Agency: "registry",
  NgoHouse: "registry",
  InformalSettlementArea: "registry",
  FieldOfActivity: "registry",
  PriorityNeed: "registry",
} as const;
export type ReferenceType = keyof typeof REFERENCE_OWNERS;

/** Persian names of the kinds, for messages. */
const KIND_LABELS: Record<ReferenceType, string> = {
  Province: "استان",
  County: "شهرستان",
  Ngo: "سمن",
  Manager: "مدیر",
  Agency: "دستگاه",
  NgoHouse: "خانه سمن‌ها",
  InformalSettlementArea: "محله یا سکونتگاه",
  FieldOfActivity: "حوزه فعالیت",
  PriorityNeed: "نیاز اولویت‌دار",
};

/** Province and county ids are official codes (two and four digits); every other id is a UUID. */
const CODE_FORMATS: Partial<Record<ReferenceType, RegExp>> = { Province: /^\d{2}$/, County: /^\d{4}$/ };

/** One id of the input that must point at a record of `type` the caller may see. */
export interface Reference {
  /** The field's path in the input, as in BAD_USER_INPUT's `fields` (e.g. `ownerManagerId`, `attendees[2].ngoId`). */
  field: string;
  type: ReferenceType;
  /** `undefined`/`null`: not given (nothing to check); `""` is refused. */
  id: string | null | undefined;
}

/**
 * How a service reaches the owners of the records it references: their subgraph URLs by service name and the
 * gateway secret. `"unchecked"` is only for a service's own tests that run it without the registry (explicit,
 * never a default: a service started without owners refuses writes with references as SERVICE_UNAVAILABLE).
 */
export type ReferenceOwners = { urls: Partial<Record<string, string>>; gatewaySecret: string } | "unchecked";

export const REFERENCE_OWNER_UNAVAILABLE =
  "بررسی شناسه‌های واردشده ممکن نشد، چون بخش ثبت اکنون پاسخ نمی‌دهد؛ چند لحظهٔ دیگر دوباره تلاش کنید.";

const referenceTimeoutMs = () => setting("HAMAFZA_REFERENCE_TIMEOUT_MS");

/** The format problems of references (empty, not an id of that kind), without asking anyone. */
export function referenceFormatProblems(references: Reference[]): FieldProblem[] {
  const problems: FieldProblem[] = [];
  for (const ref of references) {
    if (ref.id === undefined || ref.id === null) continue;
    const label = KIND_LABELS[ref.type];
    if (ref.id.trim() === "")
      problems.push({
        field: ref.field,
        message: `شناسه ${label} خالی است؛ ${label} را انتخاب کنید یا این فیلد را نفرستید.`,
      });
    else if (!(CODE_FORMATS[ref.type]?.test(ref.id) ?? isUuid(ref.id)))
      problems.push({ field: ref.field, message: `«${ref.id}» شناسه معتبر ${label} نیست.` });
  }
  return problems;
}

/**
 * Refuses the write unless every given reference points at an existing record of its kind that the caller may
 * see: one `_entities` request per owning service (none when nothing is given).
 */
export async function checkReferences(ctx: RequestContext, references: Reference[]): Promise<void> {
  const formatProblems = referenceFormatProblems(references);
  if (formatProblems.length) throw invalidInput(formatProblems);
  if (ctx.referenceOwners === "unchecked") return;
  const given = references.filter((ref): ref is Reference & { id: string } => typeof ref.id === "string");
  if (!given.length) return;
  const byOwner = new Map<string, (Reference & { id: string })[]>();
  for (const ref of given) {
    const owner = REFERENCE_OWNERS[ref.type];
    byOwner.set(owner, [...(byOwner.get(owner) ?? []), ref]);
  }
  const problems: FieldProblem[] = [];
  await Promise.all(
    [...byOwner].map(async ([owner, refs]) => {
      const found = await lookUp(ctx, owner, refs);
      refs.forEach((ref, index) => {
        const label = KIND_LABELS[ref.type];
        const answer = found[index];
        if (answer === null)
          problems.push({ field: ref.field, message: `${label}ی با شناسه «${ref.id}» پیدا نشد یا در قلمرو شما نیست.` });
        else if (answer !== ref.id.toLowerCase())
          // A merged record (docs/merging.md): its id resolves to the survivor, which is the one to name.
          problems.push({
            field: ref.field,
            message: `${label} «${ref.id}» در ${label} دیگری ادغام شده است؛ ${label} باقی‌مانده («${answer}») را انتخاب کنید.`,
          });
      });
    }),
  );
  if (problems.length) throw invalidInput(problems.sort((a, b) => a.field.localeCompare(b.field)));
}

/**
 * The id each reference resolves to for the caller (itself, or the survivor of a merged record), or null when it
 * does not exist for them; asked of its owner in one request (distinct ids once).
 */
async function lookUp(
  ctx: RequestContext,
  owner: string,
  refs: (Reference & { id: string })[],
): Promise<(string | null)[]> {
  const keys = [...new Set(refs.map((ref) => `${ref.type}:${ref.id}`))];
  const representations = keys.map((key) => ({
    __typename: key.slice(0, key.indexOf(":")),
    id: key.slice(key.indexOf(":") + 1),
  }));
  const types = [...new Set(representations.map((r) => r.__typename))];
  const query = `query($representations: [_Any!]!) { _entities(representations: $representations) { __typename ${types.map((t) => `... on ${t} { id }`).join(" ")} } }`;
  const data = await askService<{ _entities?: ({ __typename: string; id: string } | null)[] }>(
    ctx,
    owner,
    query,
    { representations },
    REFERENCE_OWNER_UNAVAILABLE,
  );
  if (!data._entities) throw new AppError(ErrorCode.SERVICE_UNAVAILABLE, REFERENCE_OWNER_UNAVAILABLE);
  const resolved = new Map<string, string>();
  data._entities.forEach((entity, index) => {
    if (entity && entity.__typename === representations[index].__typename)
      resolved.set(keys[index], String(entity.id).toLowerCase());
  });
  return refs.map((ref) => resolved.get(`${ref.type}:${ref.id}`) ?? null);
}

/**
 * Asks another service's subgraph on the caller's behalf (their token, so their territory applies, and the gateway
 * secret): the `data` of the answer, or SERVICE_UNAVAILABLE with `unavailableMessage` when the service cannot be
 * reached, is too slow (HAMAFZA_REFERENCE_TIMEOUT_MS) or answers no data.
 */
export async function askService<T>(
  ctx: RequestContext,
  service: string,
  query: string,
  variables: Record<string, unknown>,
  unavailableMessage: string,
): Promise<T> {
  const owners = ctx.referenceOwners;
  const url = owners && owners !== "unchecked" ? owners.urls[service] : undefined;
  const unavailable = () => new AppError(ErrorCode.SERVICE_UNAVAILABLE, unavailableMessage);
  if (!url || !ctx.accessToken || !owners || owners === "unchecked") throw unavailable();
  let body: { data?: T | null };
  try {
    const response = await fetch(url, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${ctx.accessToken}`,
        [GATEWAY_SECRET_HEADER]: owners.gatewaySecret,
        [REQUEST_ID_HEADER]: ctx.requestId,
      },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(referenceTimeoutMs()),
    });
    body = (await response.json()) as typeof body;
  } catch {
    throw unavailable();
  }
  if (!body.data) throw unavailable();
  return body.data;
}

/** References of a list of ids (`partnerNgoIds[0]` …). */
export const referencesOf = (
  field: string,
  type: ReferenceType,
  ids: readonly string[] | null | undefined,
): Reference[] => (ids ?? []).map((id, index) => ({ field: `${field}[${index}]`, type, id }));

/** Kinds of registry records that engagement records name (engagement's `engagementReferenceUses`). */
export type ReferencedKind = "Ngo" | "Manager" | "Agency" | "NgoHouse" | "InformalSettlementArea" | "PriorityNeed";

/** The GraphQL enum value (`ReferencedKind`, UPPER_SNAKE) of each kind. */
const REFERENCED_KIND_VALUES: Record<ReferencedKind, string> = {
  Ngo: "NGO",
  Manager: "MANAGER",
  Agency: "AGENCY",
  NgoHouse: "NGO_HOUSE",
  InformalSettlementArea: "INFORMAL_SETTLEMENT_AREA",
  PriorityNeed: "PRIORITY_NEED",
};

/**
 * Before the registry deletes a record: refuses with CONFLICT when engagement records still name it (attendance,
 * resolutions, projects …), saying what uses it, so nothing is left dangling. Asked of the engagement subgraph
 * with the caller's token; an unreachable engagement service makes the deletion SERVICE_UNAVAILABLE.
 */
export async function assertNotReferenced(
  ctx: RequestContext,
  kind: ReferencedKind,
  id: string,
  label: string,
): Promise<void> {
  if (ctx.referenceOwners === "unchecked") return;
  const data = await askService<{ engagementReferenceUses: { id: string; count: number; summary: string }[] }>(
    ctx,
    "engagement",
    `query($kind: ReferencedKind!, $ids: [ID!]!) { engagementReferenceUses(kind: $kind, ids: $ids) { id count summary } }`,
    { kind: REFERENCED_KIND_VALUES[kind], ids: [id] },
    "بررسی اینکه این رکورد جایی به کار رفته است ممکن نشد، چون بخش نشست‌ها پاسخ نمی‌دهد؛ چند لحظهٔ دیگر دوباره تلاش کنید.",
  );
  const use = data.engagementReferenceUses.find((u) => u.id === id);
  if (use && use.count > 0) {
    throw new AppError(
      ErrorCode.CONFLICT,
      `این ${label} در سوابق تعامل به کار رفته است (${use.summary}) و حذف نمی‌شود؛ اگر دیگر فعال نیست، وضعیت آن را غیرفعال کنید.`,
      {
        references: use.count,
      },
    );
  }
}
