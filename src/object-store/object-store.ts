import { Client } from 'minio';
import fs from 'node:fs';
import { PassThrough, type Readable } from 'node:stream';

export interface ObjectStoreSettings {
  readonly endPoint: string;
  readonly port: number | undefined;
  readonly useSSL: boolean;
  readonly accessKey: string;
  readonly secretKey: string;
  readonly bucket: string;
}

/** Largest single object we write: well below the minio client's multipart threshold (64 MiB). */
export const PART_BYTES = 32 * 1024 * 1024;

/** Key of part `index` of an object stored by putFileInParts. */
export function partKey(prefix: string, index: number): string {
  return `${prefix}/part-${String(index).padStart(5, '0')}`;
}

export interface StoredObjectInfo {
  readonly size: number;
  readonly etag: string;
  readonly metadata: Record<string, string>;
}

/**
 * The object store (MinIO in production, s3rver by default). This is the only module that imports
 * `minio`: every object is read and written over HTTP through it, never from the storage folder.
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
      region: 'us-east-1',
      pathStyle: true,
    });
  }

  get bucket(): string {
    return this.settings.bucket;
  }

  /** Creates the bucket when it does not exist yet. */
  async ensureBucket(): Promise<void> {
    if (!(await this.client.bucketExists(this.bucket)))
      await this.client.makeBucket(this.bucket, 'us-east-1');
  }

  /** Cheap reachability probe for the health endpoint. */
  async ping(): Promise<void> {
    const exists = await this.client.bucketExists(this.bucket);
    if (!exists) throw new Error(`bucket ${this.bucket} does not exist`);
  }

  /** Writes one object in a single PUT (callers keep objects below the store's part size). */
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
      if (
        (error as { code?: string }).code === 'NotFound' ||
        (error as { code?: string }).code === 'NoSuchKey'
      ) {
        return undefined;
      }
      throw error;
    }
  }

  async remove(keys: string[]): Promise<void> {
    if (keys.length) await this.client.removeObjects(this.bucket, keys);
  }

  /**
   * Stores a file of any size as numbered parts (`<prefix>/part-00000`, …), each written with a
   * single PUT. s3rver does not implement the multipart calls the minio client makes for objects
   * above its part size, so no object we write is ever that large; MinIO stores the parts alike.
   */
  async putFileInParts(
    prefix: string,
    filePath: string,
    metadata: Record<string, string> = {},
    partBytes = PART_BYTES,
  ): Promise<{ parts: number; size: number }> {
    const { size } = await fs.promises.stat(filePath);
    const parts = Math.max(1, Math.ceil(size / partBytes));
    for (let i = 0; i < parts; i++) {
      const start = i * partBytes;
      const length = Math.min(partBytes, size - start);
      const body =
        length === 0 ? Buffer.alloc(0) : fs.createReadStream(filePath, { start, end: start + length - 1 });
      await this.client.putObject(this.bucket, partKey(prefix, i), body, length, {
        ...metadata,
        'x-amz-meta-part': `${i + 1}/${parts}`,
      });
    }
    return { parts, size };
  }

  /** Reads an object stored by putFileInParts as one stream, part after part. */
  getParts(prefix: string, parts: number): Readable {
    const out = new PassThrough();
    void (async () => {
      try {
        for (let i = 0; i < parts; i++) {
          const part = await this.client.getObject(this.bucket, partKey(prefix, i));
          for await (const chunk of part)
            if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
        }
        out.end();
      } catch (error) {
        out.destroy(error as Error);
      }
    })();
    return out;
  }

  /** Removes every part stored under a prefix. */
  async removeParts(prefix: string, parts: number): Promise<void> {
    await this.remove(Array.from({ length: parts }, (_, i) => partKey(prefix, i)));
  }

  /** Lists keys under a prefix. */
  async list(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    const stream = this.client.listObjectsV2(this.bucket, prefix, true);
    for await (const item of stream)
      if ((item as { name?: string }).name) keys.push((item as { name: string }).name);
    return keys;
  }
}
