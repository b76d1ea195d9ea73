import fs from 'node:fs/promises';
import path from 'node:path';
import type { Context, Next } from 'koa';

/**
 * The two multipart calls s3rver 3.7 lacks, answered from its own upload folder so that the object
 * store drives multipart uploads the same way on s3rver as on every production S3 server:
 *
 *   GET    /{bucket}?uploads              ListMultipartUploads (s3rver: 501 NotImplemented)
 *   DELETE /{bucket}/{key}?uploadId=…     AbortMultipartUpload (s3rver: 405)
 *
 * s3rver keeps an upload started by CreateMultipartUpload in `{root}/{bucket}/._S3rver_uploads/{id}/`
 * (files `key`, `metadata`, and one file per part) and removes it on CompleteMultipartUpload.
 * This is a loopback development server: like s3rver's other anonymous paths, no signature check.
 */
export function s3rverMultipartMiddleware(rootDirectory: string) {
  const uploadsDir = (bucket: string) => path.join(rootDirectory, bucket, '._S3rver_uploads');
  return async (ctx: Context, next: Next): Promise<void> => {
    const segments = ctx.path.split('/').filter((s, i) => i > 0 || s !== '');
    const bucket = decodeURIComponent(segments[0] ?? '');
    const isBucketPath = segments.length === 1 || (segments.length === 2 && segments[1] === '');
    if (ctx.method === 'GET' && isBucketPath && bucket && 'uploads' in ctx.query) {
      ctx.type = 'application/xml';
      ctx.body = await listUploads(uploadsDir(bucket), bucket, String(ctx.query.prefix ?? ''));
      return;
    }
    const uploadId = ctx.query.uploadId;
    if (ctx.method === 'DELETE' && !isBucketPath && typeof uploadId === 'string') {
      if (!/^[0-9a-f]+$/.test(uploadId)) {
        ctx.status = 400;
        return;
      }
      const dir = path.join(uploadsDir(bucket), uploadId);
      const exists = await fs.stat(dir).then(
        () => true,
        () => false,
      );
      if (!exists) {
        ctx.status = 404;
        ctx.type = 'application/xml';
        ctx.body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchUpload</Code><Message>The specified upload does not exist.</Message><UploadId>${uploadId}</UploadId></Error>`;
        return;
      }
      await fs.rm(dir, { recursive: true, force: true });
      ctx.status = 204;
      return;
    }
    await next();
  };
}

function xmlEscape(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function listUploads(dir: string, bucket: string, prefix: string): Promise<string> {
  const ids = await fs.readdir(dir).catch(() => [] as string[]);
  const uploads: string[] = [];
  for (const id of ids.sort()) {
    const key = await fs.readFile(path.join(dir, id, 'key'), 'utf8').catch(() => undefined);
    if (key === undefined || !key.startsWith(prefix)) continue;
    const { birthtime, mtime } = await fs.stat(path.join(dir, id, 'key'));
    const initiated = (birthtime.getTime() ? birthtime : mtime).toISOString();
    uploads.push(
      `<Upload><Key>${xmlEscape(key)}</Key><UploadId>${id}</UploadId><Initiated>${initiated}</Initiated><StorageClass>STANDARD</StorageClass></Upload>`,
    );
  }
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<ListMultipartUploadsResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/">' +
    `<Bucket>${xmlEscape(bucket)}</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>` +
    `<Prefix>${xmlEscape(prefix)}</Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>` +
    uploads.join('') +
    '</ListMultipartUploadsResult>'
  );
}
