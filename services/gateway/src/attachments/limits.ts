import { setting, SNIFFABLE_TYPES, SniffedType } from "@hamafza/common";

/** What an upload may be: at most `maxBytes`, of one of `types` (by content). */
export interface AttachmentLimits {
  maxBytes: number;
  types: readonly string[];
}

/**
 * The limits the settings give: HAMAFZA_ATTACHMENT_MAX_BYTES and HAMAFZA_ATTACHMENT_TYPES (comma-separated media
 * types, each one the content sniffing recognises; every recognised type when unset).
 */
export function limitsFromSettings(): AttachmentLimits {
  const listed = setting("HAMAFZA_ATTACHMENT_TYPES");
  const types = listed
    ? listed
        .split(",")
        .map((type) => type.trim().toLowerCase())
        .filter(Boolean)
    : Object.keys(SNIFFABLE_TYPES);
  const unknown = types.filter((type) => !(type in SNIFFABLE_TYPES));
  if (unknown.length)
    throw new Error(
      `HAMAFZA_ATTACHMENT_TYPES: ${unknown.join(", ")} cannot be recognised from content; use some of ${Object.keys(SNIFFABLE_TYPES).join(", ")}`,
    );
  return { maxBytes: setting("HAMAFZA_ATTACHMENT_MAX_BYTES"), types: types as SniffedType[] };
}
