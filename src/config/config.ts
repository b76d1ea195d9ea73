import { z } from 'zod';
import os from 'node:os';
import path from 'node:path';

/** The service's configuration, parsed once from the environment and frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly dataDir: string;
  /** Absent: start the embedded PostgreSQL under `dataDir/postgres`. */
  readonly databaseUrl: string | undefined;
  /** Connections this process opens to PostgreSQL at start and keeps (never closed for idleness). */
  readonly databasePoolSize: number;
  /** The embedded PostgreSQL's shared_buffers (e.g. `4GB`); absent: PostgreSQL's default, 128MB. */
  readonly embeddedPostgresSharedBuffers: string | undefined;
  /** Absent: start the embedded S3 server (s3rver) under `dataDir/objects`. */
  readonly objectStore:
    | {
        readonly endPoint: string;
        readonly port: number | undefined;
        readonly useSSL: boolean;
        readonly accessKey: string;
        readonly secretKey: string;
        readonly bucket: string;
        readonly region: string;
        readonly pathStyle: boolean;
      }
    | undefined;
  readonly bucket: string;
  readonly adminEmail: string | undefined;
  readonly adminPassword: string | undefined;
  readonly logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest JSON/form body accepted, in bytes (larger → 413). */
  readonly bodyLimitBytes: number;
  /** Largest uploaded file (spreadsheets, images), in bytes. */
  readonly maxUploadBytes: number;
  /** Largest page image accepted, in bytes, and in pixels (read from the header before any decoding). */
  readonly imageMaxBytes: number;
  readonly imageMaxPixels: number;
  /** Orphan sweep inside the service: every so many ms (0 = off), objects older than the grace period. */
  readonly orphanSweepIntervalMs: number;
  readonly orphanGraceMs: number;
  /** Fixity check of every master inside the service: every so many ms (0 = off; `npm run census -- fixity` on demand). */
  readonly fixityIntervalMs: number;
  /** Limits of the IIIF Image API renderer: what one anonymous request may cost (see README). */
  readonly iiif: IiifRenderSettings;
  /** Bytes of public Image API responses kept in front of the app (0: none; src/http-cache/). */
  readonly imageHttpCacheBytes: number;
  /** Local working-pyramid cache: folder and size bound (least recently used files go first). */
  readonly pyramidCache: { readonly dir: string; readonly maxBytes: number };
  /** Cookie `Secure` flag: on when the public URL is https. */
  readonly secureCookies: boolean;
  /**
   * Proxies in front of the service whose X-Forwarded-Proto/-For are believed (0: none, the
   * headers are ignored and the client address is the socket's).
   */
  readonly trustProxyHops: number;
  /** Years past an era's official end accepted (with a warning) in edition dates; more is an error. */
  readonly eraYearMargin: number;
  /** Bounds and workers of spreadsheet imports (README "Spreadsheet import and export"). */
  readonly imports: ImportSettings;
  /** How long a stopping process waits for requests and workers before it exits anyway. */
  readonly shutdownTimeoutMs: number;
}

/** Bounds on IIIF renders, so one client cannot take the service down. */
export interface IiifRenderSettings {
  /** Largest output of one render in pixels, counted after upscaling and rotation. */
  readonly maxArea: number;
  /** Largest output (after rotation) of a render at an angle that is not a multiple of 90°. */
  readonly maxRotatedArea: number;
  /** Renders running at once; further ones wait in the queue. */
  readonly renderConcurrency: number;
  /** Renders allowed to wait; beyond that the answer is 503 with Retry-After. */
  readonly renderQueue: number;
  /** Deadline of one render, waiting included; past it the work is abandoned and the answer is 503. */
  readonly renderTimeoutMs: number;
}

/** Bounds and workers of spreadsheet imports. */
export interface ImportSettings {
  /** Largest spreadsheet upload, in bytes (larger → 413). */
  readonly maxBytes: number;
  /** Most data rows in one file; the job fails with TOO_MANY_ROWS past it. */
  readonly maxRows: number;
  /** A job still running this long after it started is stopped (IMPORT_DEADLINE). */
  readonly jobTimeoutMs: number;
  /** Jobs run at once by one process (each institution's oldest job first). */
  readonly workers: number;
}

const booleanText = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const portText = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0–65535')
  .max(65535, 'must be 0–65535');

// `false`/`0`: no proxy; `true`: one proxy; a number: that many proxies in a chain.
const trustProxyText = z
  .string()
  .regex(/^(true|false|\d{1,2})$/, 'must be true, false or the number of proxies in front (0–99)')
  .transform((v) => (v === 'true' ? 1 : v === 'false' ? 0 : Number(v)));

const envSchema = z.object({
  PORT: portText.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://census.example.org' }).optional(),
  DATA_DIR: z.string().min(1).default('./storage'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(1000).default(20),
  EMBEDDED_POSTGRES_SHARED_BUFFERS: z
    .string()
    .regex(/^[1-9]\d{0,6}(kB|MB|GB|TB)$/, 'must be a size in PostgreSQL units, such as 512MB or 4GB')
    .optional(),
  MINIO_ENDPOINT: z.string().min(1).optional(),
  MINIO_PORT: portText.optional(),
  MINIO_USE_SSL: booleanText.default(false),
  MINIO_ACCESS_KEY: z.string().min(1).optional(),
  MINIO_SECRET_KEY: z.string().min(1).optional(),
  MINIO_BUCKET: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      'must be a valid S3 bucket name (3–63 lower-case letters, digits, dots, hyphens)',
    )
    .default('census'),
  MINIO_REGION: z.string().min(1).default('us-east-1'),
  MINIO_PATH_STYLE: booleanText.default(true),
  ADMIN_EMAIL: z.email({ message: 'must be an e-mail address' }).optional(),
  ADMIN_PASSWORD: z.string().min(12, 'must be at least 12 characters').optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  MAX_UPLOAD_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(2 * 1024 * 1024 * 1024),
  IMAGE_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024 * 1024),
  IMAGE_MAX_PIXELS: z.coerce.number().int().positive().default(250_000_000),
  TRUST_PROXY: trustProxyText.default(0),
  ERA_YEAR_MARGIN: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number of years')
    .min(0, 'must be 0 or more')
    .max(60, 'must be at most 60')
    .default(10),
  ORPHAN_SWEEP_INTERVAL_HOURS: z.coerce.number({ message: 'must be a number' }).min(0).default(24),
  ORPHAN_GRACE_HOURS: z.coerce.number({ message: 'must be a number' }).min(0).default(24),
  FIXITY_INTERVAL_HOURS: z.coerce.number({ message: 'must be a number' }).min(0).default(0),
  IIIF_MAX_AREA: z.coerce.number().int().positive().default(64_000_000),
  IIIF_MAX_ROTATED_AREA: z.coerce.number().int().positive().default(4_000_000),
  IIIF_RENDER_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  IIIF_RENDER_QUEUE: z.coerce.number().int().min(0).max(10_000).default(16),
  IIIF_RENDER_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  IMPORT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(256 * 1024 * 1024),
  IMPORT_MAX_ROWS: z.coerce.number().int().positive().default(500_000),
  IMPORT_JOB_TIMEOUT_SECONDS: z.coerce
    .number()
    .positive()
    .max(7 * 24 * 3600)
    .default(3600),
  IMPORT_WORKERS: z.coerce.number().int().min(0).max(16).default(2),
  SHUTDOWN_TIMEOUT_SECONDS: z.coerce.number().positive().max(3600).default(30),
  IMAGE_HTTP_CACHE_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .default(64 * 1024 ** 2),
  PYRAMID_CACHE_DIR: z.string().min(1).optional(),
  PYRAMID_CACHE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(8 * 1024 ** 3),
});

/** Thrown when the environment is invalid; lists every problem at once. */
export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration / 配置无效:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses the environment once; throws ConfigError naming every bad setting. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.MINIO_ENDPOINT && (!e.MINIO_ACCESS_KEY || !e.MINIO_SECRET_KEY)) {
    problems.push('MINIO_ACCESS_KEY and MINIO_SECRET_KEY: required when MINIO_ENDPOINT is set');
  }
  if (e.ADMIN_PASSWORD && !e.ADMIN_EMAIL) problems.push('ADMIN_EMAIL: required when ADMIN_PASSWORD is set');
  if (e.EMBEDDED_POSTGRES_SHARED_BUFFERS && e.DATABASE_URL)
    problems.push(
      'EMBEDDED_POSTGRES_SHARED_BUFFERS: only for the embedded PostgreSQL; with DATABASE_URL set shared_buffers on that server',
    );
  const publicUrl = (
    e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`
  ).replace(/\/+$/, '');
  // The service itself speaks plain HTTP, so an https public URL means a TLS-terminating proxy in
  // front. Without trusting it every request looks unencrypted and no Secure session cookie can
  // be set: say so at start instead of failing each login.
  if (publicUrl.startsWith('https://') && e.TRUST_PROXY === 0) {
    problems.push(
      'TRUST_PROXY: required when PUBLIC_URL is https — set TRUST_PROXY=true when the TLS-terminating ' +
        'proxy in front sets X-Forwarded-Proto (PUBLIC_URL 为 https 时须设置 TRUST_PROXY=true，由前置代理终止 TLS)',
    );
  }
  if (problems.length) throw new ConfigError(problems);

  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    embeddedPostgresSharedBuffers: e.EMBEDDED_POSTGRES_SHARED_BUFFERS,
    objectStore: e.MINIO_ENDPOINT
      ? Object.freeze({
          endPoint: e.MINIO_ENDPOINT,
          port: e.MINIO_PORT,
          useSSL: e.MINIO_USE_SSL,
          accessKey: e.MINIO_ACCESS_KEY!,
          secretKey: e.MINIO_SECRET_KEY!,
          bucket: e.MINIO_BUCKET,
          region: e.MINIO_REGION,
          pathStyle: e.MINIO_PATH_STYLE,
        })
      : undefined,
    bucket: e.MINIO_BUCKET,
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    logLevel: e.LOG_LEVEL,
    bodyLimitBytes: e.BODY_LIMIT,
    maxUploadBytes: e.MAX_UPLOAD_BYTES,
    imageMaxBytes: e.IMAGE_MAX_BYTES,
    imageMaxPixels: e.IMAGE_MAX_PIXELS,
    orphanSweepIntervalMs: e.ORPHAN_SWEEP_INTERVAL_HOURS * 3_600_000,
    orphanGraceMs: e.ORPHAN_GRACE_HOURS * 3_600_000,
    fixityIntervalMs: e.FIXITY_INTERVAL_HOURS * 3_600_000,
    iiif: Object.freeze({
      maxArea: e.IIIF_MAX_AREA,
      maxRotatedArea: Math.min(e.IIIF_MAX_ROTATED_AREA, e.IIIF_MAX_AREA),
      renderConcurrency: e.IIIF_RENDER_CONCURRENCY,
      renderQueue: e.IIIF_RENDER_QUEUE,
      renderTimeoutMs: e.IIIF_RENDER_TIMEOUT_MS,
    }),
    imageHttpCacheBytes: e.IMAGE_HTTP_CACHE_BYTES,
    pyramidCache: Object.freeze({
      dir: path.resolve(e.PYRAMID_CACHE_DIR ?? path.join(os.tmpdir(), 'census-pyramids')),
      maxBytes: e.PYRAMID_CACHE_BYTES,
    }),
    secureCookies: publicUrl.startsWith('https://'),
    trustProxyHops: e.TRUST_PROXY,
    eraYearMargin: e.ERA_YEAR_MARGIN,
    imports: Object.freeze({
      maxBytes: e.IMPORT_MAX_BYTES,
      maxRows: e.IMPORT_MAX_ROWS,
      jobTimeoutMs: e.IMPORT_JOB_TIMEOUT_SECONDS * 1000,
      workers: e.IMPORT_WORKERS,
    }),
    shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_SECONDS * 1000,
  });
}
