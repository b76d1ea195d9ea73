import { z } from 'zod';
import path from 'node:path';

/** The service's configuration, parsed once from the environment and frozen. */
export interface Config {
  readonly port: number;
  readonly host: string;
  readonly publicUrl: string;
  readonly dataDir: string;
  /** Absent: start the embedded PostgreSQL under `dataDir/postgres`. */
  readonly databaseUrl: string | undefined;
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
  /** Cookie `Secure` flag: on when the public URL is https. */
  readonly secureCookies: boolean;
}

const booleanText = z
  .enum(['true', 'false', '1', '0'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1');

const portText = z.coerce
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(0, 'must be 0–65535')
  .max(65535, 'must be 0–65535');

const envSchema = z.object({
  PORT: portText.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  PUBLIC_URL: z.url({ message: 'must be an absolute URL such as https://census.example.org' }).optional(),
  DATA_DIR: z.string().min(1).default('./storage'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
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
  ORPHAN_SWEEP_INTERVAL_HOURS: z.coerce.number({ message: 'must be a number' }).min(0).default(24),
  ORPHAN_GRACE_HOURS: z.coerce.number({ message: 'must be a number' }).min(0).default(24),
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
  if (problems.length) throw new ConfigError(problems);

  const publicUrl = (
    e.PUBLIC_URL ?? `http://${e.HOST === '0.0.0.0' ? '127.0.0.1' : e.HOST}:${e.PORT}`
  ).replace(/\/+$/, '');
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    publicUrl,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
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
    secureCookies: publicUrl.startsWith('https://'),
  });
}
