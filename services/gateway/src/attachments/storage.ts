import type { S3Client } from "@aws-sdk/client-s3";
import { isSha256, setting } from "@hamafza/common";
import { createReadStream } from "node:fs";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import { isAbsolute, join, resolve } from "node:path";
import { Readable } from "node:stream";
import { randomUUID } from "node:crypto";

/**
 * Where attached files' contents live, each once, under its SHA-256 (content-addressed: the same file attached
 * twice is stored once). The metadata (name, kind, record) lives with the record in its owning service.
 */
export interface BlobStorage {
  /** What and where, for the start-up log. */
  readonly description: string;
  /** Stores the content unless already present; true when it was newly stored. */
  put(sha256: string, content: Buffer, mediaType: string): Promise<boolean>;
  /** The content, or null when absent. */
  get(sha256: string): Promise<Readable | null>;
}

const checked = (sha256: string) => {
  if (!isSha256(sha256)) throw new Error(`not a SHA-256 digest: ${sha256}`);
  return sha256;
};

/** A directory: `<dir>/<first two hex>/<sha256>`, written to a temporary name and renamed (never half a file). */
export class LocalDiskStorage implements BlobStorage {
  readonly description: string;

  constructor(private readonly dir: string) {
    this.description = `local directory ${dir}`;
  }

  private pathOf(sha256: string) {
    return join(this.dir, checked(sha256).slice(0, 2), sha256);
  }

  async put(sha256: string, content: Buffer): Promise<boolean> {
    const path = this.pathOf(sha256);
    if (await exists(path)) return false;
    await mkdir(join(this.dir, sha256.slice(0, 2)), { recursive: true });
    const temporary = `${path}.${randomUUID()}.part`;
    await writeFile(temporary, content, { mode: 0o640 });
    await rename(temporary, path);
    return true;
  }

  async get(sha256: string): Promise<Readable | null> {
    const path = this.pathOf(sha256);
    return (await exists(path)) ? createReadStream(path) : null;
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** The S3 client library, loaded only where S3 is the storage (≈ 4 MB of heap a local-disk gateway does not need). */
const s3Sdk = () => require("@aws-sdk/client-s3") as typeof import("@aws-sdk/client-s3");

/** An S3-compatible bucket (AWS S3, MinIO, Ceph…), objects named `attachments/<sha256>`. */
export class S3Storage implements BlobStorage {
  readonly description: string;

  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {
    this.description = `S3 bucket ${bucket}`;
  }

  private keyOf(sha256: string) {
    return `attachments/${checked(sha256)}`;
  }

  async put(sha256: string, content: Buffer, mediaType: string): Promise<boolean> {
    const Key = this.keyOf(sha256);
    try {
      await this.client.send(new (s3Sdk().HeadObjectCommand)({ Bucket: this.bucket, Key }));
      return false;
    } catch (error) {
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode !== 404) throw error;
    }
    await this.client.send(
      new (s3Sdk().PutObjectCommand)({
        Bucket: this.bucket,
        Key,
        Body: content,
        ContentType: mediaType,
        ChecksumAlgorithm: "SHA256",
      }),
    );
    return true;
  }

  async get(sha256: string): Promise<Readable | null> {
    try {
      const answer = await this.client.send(
        new (s3Sdk().GetObjectCommand)({ Bucket: this.bucket, Key: this.keyOf(sha256) }),
      );
      return (answer.Body as Readable | undefined) ?? null;
    } catch (error) {
      if ((error as { name?: string }).name === "NoSuchKey") return null;
      throw error;
    }
  }
}

/** The storage the settings name: S3 when HAMAFZA_S3_BUCKET is set, else the directory (relative to `root`). */
export function storageFromSettings(root: string): BlobStorage {
  const bucket = setting("HAMAFZA_S3_BUCKET");
  if (bucket) {
    const endpoint = setting("HAMAFZA_S3_ENDPOINT");
    const accessKeyId = setting("HAMAFZA_S3_ACCESS_KEY_ID");
    const secretAccessKey = setting("HAMAFZA_S3_SECRET_ACCESS_KEY");
    const client = new (s3Sdk().S3Client)({
      region: setting("HAMAFZA_S3_REGION"),
      endpoint,
      // MinIO and most self-hosted servers address buckets by path, not by host name.
      forcePathStyle: !!endpoint,
      credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey } : undefined,
    });
    return new S3Storage(client, bucket);
  }
  const dir = setting("HAMAFZA_ATTACHMENT_DIR");
  return new LocalDiskStorage(isAbsolute(dir) ? dir : resolve(root, dir));
}
