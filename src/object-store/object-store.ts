import { Client } from 'minio';
import crypto from 'node:crypto';
import fs from 'node:fs';
import type { Readable } from 'node:stream';

export interface ObjectStoreSettings {
  readonly endPoint: string;
  readonly port: number | undefined;
  readonly useSSL: boolean;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly bucket: string;
  /** Region the client signs for (S3 needs the bucket's; MinIO, Swift and s3rver accept us-east-1). */
  readonly region?: string;
  /** Path-style URLs (`host/bucket/key`, the default) or virtual-host style (`bucket.host/key`). */
  readonly pathStyle?: boolean;
}

/**
 * Files up to this size go up in one PUT, larger ones as an S3 multipart upload in parts of this
 * size (S3 allows 10,000 parts of at least 5 MiB: 16 MiB parts reach 156 GiB, far above any master).
 */
export const MULTIPART_PART_BYTES = 16 * 1024 * 1024;

export interface StoredObjectInfo {
  readonly size: number;
  readonly etag: string;
  readonly metadata: Record<string, string>;
}

/** One object of a bucket listing. */
export interface ListedObject {
  readonly key: string;
  readonly size: number;
  readonly lastModified: Date;
}

/** A multipart upload that was started and neither completed nor aborted. */
export interface IncompleteUpload {
  readonly key: string;
  readonly uploadId: string;
  readonly initiated: Date;
}

function isNotFound(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'NotFound' || code === 'NoSuchKey';
}

/** SHA-256 (hex) of a local file, streamed. */
export async function sha256OfFile(filePath: string): Promise<string> {
  const hash = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(filePath)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * The object store (any S3 implementation: s3rver by default, MinIO, Swift s3api, Ceph RGW, AWS).
 * This is the only module that imports `minio`: every object is read and written over HTTP
 * through it, never from the storage folder. Every stored file is exactly one S3 object.
 */
export class ObjectStore {
  private readonly client: Client;

  constructor(readonly settings: ObjectStoreSettings) {
    this.client = new Client({
      endPoint: settings.endPoint,
      ...(settings.port ? { port: settings.port } : {}),
      useSSL: settings.useSSL,
      accessKey: settings.accessKey,
      secretKey: settings.secretKey,
      region: settings.region ?? 'us-east-1',
      pathStyle: settings.pathStyle ?? true,
    });
  }

  get bucket(): string {
    return this.settings.bucket;
  }

  /** Creates the bucket when it does not exist yet. */
  async ensureBucket(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket)))
      await this.client.makeBucket(this.bucket, this.settings.region ?? 'us-east-1');
  }

  /** Cheap reachability probe for the health endpoint. */
  async ping(): Promise<void> {
    const exists = await this.client.bucketExists(this.bucket);
    if (!exists) throw new Error(`bucket ${this.bucket} does not exist`);
  }

  /** Writes one small object (an index, a JSON document) in a single PUT. */
  async put(
    key: string,
    body: Buffer | Readable,
    size: number,
    metadata: Record<string, string> = {},
  ): Promise<void> {
    await this.client.putObject(this.bucket, key, body, size, metadata);
  }

  async get(key: string): Promise<Readable> {
    return this.client.getObject(this.bucket, key);
  }

  async getBuffer(key: string): Promise<Buffer> {
    const stream = await this.get(key);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  /** Reads `length` bytes of an object from `offset` (one ranged GET). */
  async getRange(key: string, offset: number, length: number): Promise<Buffer> {
    const stream = await this.client.getPartialObject(this.bucket, key, offset, length);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  async stat(key: string): Promise<StoredObjectInfo | undefined> {
    try {
      const s = await this.client.statObject(this.bucket, key);
      return { size: s.size, etag: s.etag, metadata: s.metaData as Record<string, string> };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async remove(keys: string[]): Promise<void> {
    if (keys.length) await this.client.removeObjects(this.bucket, keys);
  }

  /** Lists keys under a prefix. */
  async list(prefix: string): Promise<string[]> {
    return (await this.listObjects(prefix)).map((o) => o.key);
  }

  /** Lists the objects under a prefix with their size and age. */
  async listObjects(prefix: string): Promise<ListedObject[]> {
    const objects: ListedObject[] = [];
    const stream = this.client.listObjectsV2(this.bucket, prefix, true);
    for await (const item of stream as AsyncIterable<{ name?: string; size: number; lastModified: Date }>)
      if (item.name) objects.push({ key: item.name, size: item.size, lastModified: item.lastModified });
    return objects;
  }

  /**
   * Stores a local file as one object, with its SHA-256 in the `x-amz-meta-sha256` metadata (taken
   * from `sha256` when the caller computed it already). Files above MULTIPART_PART_BYTES go up as an
   * S3 multipart upload driven here, part by part, with the same calls on every S3 server; any
   * failure aborts the upload, so a failed store leaves neither an object nor stray parts (when the
   * server is unreachable even for the abort, the orphan sweep removes the upload later).
   */
  async putFile(
    key: string,
    filePath: string,
    metadata: Record<string, string> = {},
    options: { sha256?: string; partBytes?: number } = {},
  ): Promise<{ size: number; sha256: string }> {
    const { size } = await fs.promises.stat(filePath);
    const sha256 = options.sha256 ?? (await sha256OfFile(filePath));
    const headers = { ...metadata, 'x-amz-meta-sha256': sha256 };
    const partBytes = options.partBytes ?? MULTIPART_PART_BYTES;
    if (size <= partBytes) {
      await this.client.putObject(this.bucket, key, fs.createReadStream(filePath), size, headers);
      return { size, sha256 };
    }
    const uploadId = await this.client.initiateNewMultipartUpload(this.bucket, key, headers);
    try {
      const etags: Array<{ part: number; etag: string }> = [];
      const handle = await fs.promises.open(filePath, 'r');
      try {
        for (let part = 1, start = 0; start < size; part++, start += partBytes) {
          const buffer = Buffer.alloc(Math.min(partBytes, size - start));
          await handle.read(buffer, 0, buffer.length, start);
          const { etag } = await this.client.uploadPart(
            { bucketName: this.bucket, objectName: key, uploadID: uploadId, partNumber: part, headers: {} },
            buffer,
          );
          etags.push({ part, etag });
        }
      } finally {
        await handle.close();
      }
      await this.client.completeMultipartUpload(this.bucket, key, uploadId, etags);
    } catch (error) {
      await this.client.abortMultipartUpload(this.bucket, key, uploadId).catch(() => undefined);
      throw error;
    }
    return { size, sha256 };
  }

  /** Multipart uploads under a prefix that were started and never completed or aborted. */
  async listIncompleteUploads(prefix = ''): Promise<IncompleteUpload[]> {
    const uploads: IncompleteUpload[] = [];
    let keyMarker = '';
    let uploadIdMarker = '';
    for (;;) {
      // The client always sends `delimiter=`; Swift's s3api takes an empty one literally and rolls
      // every upload into one common prefix, so a delimiter that no key of ours contains is sent.
      const page = await this.client.listIncompleteUploadsQuery(
        this.bucket,
        prefix,
        keyMarker,
        uploadIdMarker,
        '\u2400',
      );
      for (const u of page.uploads)
        uploads.push({ key: u.key, uploadId: u.uploadId, initiated: u.initiated });
      if (!page.isTruncated || !page.nextKeyMarker) return uploads;
      keyMarker = page.nextKeyMarker;
      uploadIdMarker = page.nextUploadIdMarker ?? '';
    }
  }

  /** Aborts an incomplete multipart upload, freeing its parts. */
  async abortUpload(key: string, uploadId: string): Promise<void> {
    await this.client.abortMultipartUpload(this.bucket, key, uploadId);
  }
}
