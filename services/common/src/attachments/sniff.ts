/**
 * What a file really is, from its first bytes (magic numbers), never from the name or the type the client declared.
 * Only the types an attachment may have are recognised; anything else is `null`.
 */

/** Every media type `sniffMediaType` can recognise, with the file-name extension shown for it. */
export const SNIFFABLE_TYPES = {
  "application/pdf": "pdf",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/webp": "webp",
  "image/tiff": "tif",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "xlsx",
} as const;
export type SniffedType = keyof typeof SNIFFABLE_TYPES;

const startsWith = (bytes: Uint8Array, magic: number[], at = 0) =>
  bytes.length >= at + magic.length && magic.every((byte, i) => bytes[at + i] === byte);
const ascii = (text: string) => [...text].map((c) => c.charCodeAt(0));

/** Office Open XML is a ZIP whose part names tell the kind; they sit in the local headers near the start. */
function officeKind(bytes: Uint8Array): SniffedType | null {
  const head = Buffer.from(bytes.subarray(0, Math.min(bytes.length, 64 * 1024))).toString("latin1");
  if (!head.includes("[Content_Types].xml") && !head.includes("_rels/.rels")) return null;
  if (head.includes("word/")) return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  if (head.includes("xl/")) return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  return null;
}

/** The media type the bytes are, or null when they are none of `SNIFFABLE_TYPES`. */
export function sniffMediaType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, ascii("%PDF-"))) return "application/pdf";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "image/webp";
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return "image/tiff";
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(bytes);
  return null;
}

/** A declared `content-type` header reduced to its media type (`image/JPEG; x=1` → `image/jpeg`; `image/jpg` too). */
export function declaredMediaType(header: string | undefined): string | null {
  const type = header?.split(";")[0].trim().toLowerCase();
  if (!type) return null;
  return type === "image/jpg" || type === "image/pjpeg" ? "image/jpeg" : type;
}
