import type { EvidenceItem, IndicatorResultData } from "./scoringTypes";

/**
 * How a result's evidence is stored since issue 13's fourth round (`evaluation_result.evidence_strings`): the
 * evidence was 14–15 KB of JSON per manager (national data set, scales 0.1–0.3), mostly the same strings again —
 * an NGO attendance repeats its meeting's title, the three meeting indicators repeat each meeting, every excluded
 * record spells out its Persian reason. Packed, every distinct string of a result's evidence (kinds, ids, labels,
 * days, reasons) is kept once in `evidence_strings` (a JSON array, in order of first use) and each indicator's
 * `evidence` array is replaced by `packedEvidence`, one string: its items separated by `;`, each item's fields
 * separated by `,` — kind, id, label, day (empty for none), counted (`1`/`0`), then its reasons — every field but
 * `counted` the base-36 index of a string. Unpacking gives back the very items (the same values in the same order),
 * so every screen and API field shows the same evidence; rows stored before (no `evidence_strings`) keep their
 * evidence inline and are read as they are. The results hash is of the results as scored, not as stored.
 */

/** An indicator as stored: `evidence` inline (rows before packing), or `packedEvidence` with the result's strings. */
export type StoredIndicator = Omit<IndicatorResultData, "evidence"> & {
  evidence?: EvidenceItem[];
  packedEvidence?: string;
};

/** A result's indicators with their evidence packed: what `evaluation_result.indicators` and `.evidence_strings` hold. */
export function packEvidence(indicators: IndicatorResultData[]): {
  indicators: StoredIndicator[];
  strings: string[];
} {
  const strings: string[] = [];
  const index = new Map<string, string>();
  const ref = (s: string): string => {
    let i = index.get(s);
    if (i === undefined) {
      index.set(s, (i = strings.length.toString(36)));
      strings.push(s);
    }
    return i;
  };
  const packed = indicators.map((indicator): StoredIndicator => {
    const items = indicator.evidence.map((e) => {
      let item = `${ref(e.kind)},${ref(e.id)},${ref(e.label)},${e.date === null ? "" : ref(e.date)},${e.counted ? 1 : 0}`;
      for (const reason of e.reasons) item += `,${ref(reason)}`;
      return item;
    });
    return replacedMember<StoredIndicator>(indicator, "evidence", "packedEvidence", items.join(";"));
  });
  return { indicators: packed, strings };
}

/** The inverse of `packEvidence`; indicators stored inline (no `strings`) are returned as they are. */
export function unpackEvidence(stored: StoredIndicator[], strings: string[] | null): IndicatorResultData[] {
  if (!strings) return stored as IndicatorResultData[];
  const at = (field: string): string => {
    const s = strings[parseInt(field, 36)];
    if (s === undefined) throw new Error(`packed evidence: no string ${field}`);
    return s;
  };
  return stored.map((indicator) => {
    const { packedEvidence } = indicator;
    if (packedEvidence === undefined) return indicator as IndicatorResultData;
    const evidence =
      packedEvidence === ""
        ? []
        : packedEvidence.split(";").map((item): EvidenceItem => {
            const [kind, id, label, date, counted, ...reasons] = item.split(",");
            return {
              kind: at(kind) as EvidenceItem["kind"],
              id: at(id),
              label: at(label),
              date: date === "" ? null : at(date),
              counted: counted === "1",
              reasons: reasons.map(at),
            };
          });
    return replacedMember<IndicatorResultData>(indicator, "packedEvidence", "evidence", evidence);
  });
}

/**
 * `{ ...rest, [to]: value }` where `rest` is `object` without its member `from`: the same members in the same order
 * (so the same JSON text), built member by member. V8 gives every object made by a spread followed by a member a
 * hidden class of its own — a map, a descriptor array and an enumeration cache of garbage for each of a whole-country
 * run's 120,000 indicators — where objects built member by member in the same order share one.
 */
function replacedMember<T>(object: object, from: string, to: string, value: unknown): T {
  const members = object as Record<string, unknown>;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(members)) if (key !== from) copy[key] = members[key];
  copy[to] = value;
  return copy as T;
}
