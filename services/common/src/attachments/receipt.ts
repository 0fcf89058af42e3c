import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * The gateway stores an uploaded file, then asks the owning subgraph to attach it to a record. The subgraph accepts
 * only what the gateway really stored: the gateway signs the stored file's facts with a key derived from the gateway
 * secret (which only Hamafza's processes hold), so a client cannot attach a file it never uploaded by naming a hash.
 */
export interface StoredFile {
  sha256: string;
  sizeBytes: number;
  mediaType: string;
}

const factsOf = (file: StoredFile) => `attachment-v1\n${file.sha256}\n${file.sizeBytes}\n${file.mediaType}`;

export function uploadReceipt(gatewaySecret: string, file: StoredFile): string {
  return createHmac("sha256", `hamafza-attachments:${gatewaySecret}`).update(factsOf(file)).digest("base64url");
}

export function isUploadReceipt(gatewaySecret: string, file: StoredFile, receipt: string): boolean {
  const expected = Buffer.from(uploadReceipt(gatewaySecret, file));
  const given = Buffer.from(receipt);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
