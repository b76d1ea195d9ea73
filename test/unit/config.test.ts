import test from 'ava';
import path from 'node:path';
import { ConfigError, loadConfig } from '../../src/config/config.js';

test('no configuration means embedded defaults', (t) => {
  const c = loadConfig({});
  t.is(c.port, 3000);
  t.is(c.host, '127.0.0.1');
  t.is(c.publicUrl, 'http://127.0.0.1:3000');
  t.is(c.dataDir, path.resolve('./storage'));
  t.is(c.databaseUrl, undefined);
  t.is(c.objectStore, undefined);
  t.is(c.bucket, 'census');
  t.false(c.secureCookies);
  t.is(c.eraYearMargin, 10);
  t.true(Object.isFrozen(c));
});

test('external servers are switched on by their URLs', (t) => {
  const c = loadConfig({
    DATABASE_URL: 'postgresql://u:p@db:5432/census',
    MINIO_ENDPOINT: 'minio.internal',
    MINIO_PORT: '9000',
    MINIO_USE_SSL: 'true',
    MINIO_ACCESS_KEY: 'ak',
    MINIO_SECRET_KEY: 'sk',
    MINIO_BUCKET: 'guji-images',
    PUBLIC_URL: 'https://census.example.org/',
    TRUST_PROXY: 'true',
  });
  t.is(c.databaseUrl, 'postgresql://u:p@db:5432/census');
  t.deepEqual(c.objectStore, {
    endPoint: 'minio.internal',
    port: 9000,
    useSSL: true,
    accessKey: 'ak',
    secretKey: 'sk',
    bucket: 'guji-images',
    region: 'us-east-1',
    pathStyle: true,
  });
  t.is(c.publicUrl, 'https://census.example.org');
  t.true(c.secureCookies);
});

test('AWS S3 style: region, virtual-host URLs; orphan sweep settings', (t) => {
  const c = loadConfig({
    MINIO_ENDPOINT: 's3.eu-central-1.amazonaws.com',
    MINIO_USE_SSL: 'true',
    MINIO_ACCESS_KEY: 'ak',
    MINIO_SECRET_KEY: 'sk',
    MINIO_REGION: 'eu-central-1',
    MINIO_PATH_STYLE: 'false',
    ORPHAN_SWEEP_INTERVAL_HOURS: '0',
    ORPHAN_GRACE_HOURS: '2.5',
    FIXITY_INTERVAL_HOURS: '168',
  });
  t.like(c.objectStore, { region: 'eu-central-1', pathStyle: false });
  t.is(c.orphanSweepIntervalMs, 0);
  t.is(c.orphanGraceMs, 2.5 * 3_600_000);
  t.is(loadConfig({}).orphanGraceMs, 24 * 3_600_000);
  t.is(c.fixityIntervalMs, 168 * 3_600_000);
  t.is(loadConfig({}).fixityIntervalMs, 0);
  t.throws(() => loadConfig({ ORPHAN_GRACE_HOURS: '-1' }), { message: /ORPHAN_GRACE_HOURS/ });
});

test('every problem is listed at once', (t) => {
  const error = t.throws(
    () =>
      loadConfig({
        PORT: '70000',
        DATABASE_URL: 'mysql://x',
        MINIO_ENDPOINT: 'm',
        MINIO_USE_SSL: 'maybe',
        ADMIN_PASSWORD: 'short',
        LOG_LEVEL: 'loud',
        ERA_YEAR_MARGIN: '-1',
      }),
    { instanceOf: ConfigError },
  );
  const fields = error!.problems.map((p) => p.split(':')[0]);
  t.true(fields.includes('PORT'));
  t.true(fields.includes('DATABASE_URL'));
  t.true(fields.includes('MINIO_USE_SSL'));
  t.true(fields.includes('ADMIN_PASSWORD'));
  t.true(fields.includes('LOG_LEVEL'));
  t.true(fields.includes('ERA_YEAR_MARGIN'));
});

test('a MinIO endpoint needs its keys, and an admin password needs an e-mail', (t) => {
  const error = t.throws(
    () => loadConfig({ MINIO_ENDPOINT: 'minio', ADMIN_PASSWORD: 'a-long-enough-password' }),
    { instanceOf: ConfigError },
  );
  t.is(error!.problems.length, 2);
  t.regex(error!.problems[0]!, /MINIO_ACCESS_KEY/);
  t.regex(error!.problems[1]!, /ADMIN_EMAIL/);
});

test('TRUST_PROXY: off by default, true is one proxy, a number is a chain of proxies', (t) => {
  t.is(loadConfig({}).trustProxyHops, 0);
  t.is(loadConfig({ TRUST_PROXY: 'false' }).trustProxyHops, 0);
  t.is(loadConfig({ TRUST_PROXY: 'true' }).trustProxyHops, 1);
  t.is(loadConfig({ TRUST_PROXY: '2' }).trustProxyHops, 2);
  const bad = t.throws(() => loadConfig({ TRUST_PROXY: 'yes please' }), { instanceOf: ConfigError });
  t.true(bad!.problems.some((p) => p.startsWith('TRUST_PROXY')));
});

test('an https PUBLIC_URL without a trusted proxy is refused at start, naming TRUST_PROXY', (t) => {
  const error = t.throws(() => loadConfig({ PUBLIC_URL: 'https://census.example.org' }), {
    instanceOf: ConfigError,
  });
  t.true(error!.problems.some((p) => p.startsWith('TRUST_PROXY: required when PUBLIC_URL is https')));
  t.true(loadConfig({ PUBLIC_URL: 'https://census.example.org', TRUST_PROXY: 'true' }).secureCookies);
});

test('EMBEDDED_POSTGRES_SHARED_BUFFERS: a size in PostgreSQL units, for the embedded server only', (t) => {
  t.is(loadConfig({}).embeddedPostgresSharedBuffers, undefined);
  t.is(loadConfig({ EMBEDDED_POSTGRES_SHARED_BUFFERS: '' }).embeddedPostgresSharedBuffers, undefined);
  for (const good of ['512MB', '4GB', '131072kB', '1TB'])
    t.is(loadConfig({ EMBEDDED_POSTGRES_SHARED_BUFFERS: good }).embeddedPostgresSharedBuffers, good);
  for (const bad of ['4G', '4gb', '0MB', '4 GB', '-1GB', '4GB; fsync=off', '4GB\u0000', '99999999MB']) {
    const error = t.throws(
      () => loadConfig({ EMBEDDED_POSTGRES_SHARED_BUFFERS: bad }),
      { instanceOf: ConfigError },
      JSON.stringify(bad),
    );
    t.true(
      error!.problems.some((p) => p.startsWith('EMBEDDED_POSTGRES_SHARED_BUFFERS')),
      JSON.stringify(bad),
    );
  }
  const external = t.throws(
    () =>
      loadConfig({
        EMBEDDED_POSTGRES_SHARED_BUFFERS: '4GB',
        DATABASE_URL: 'postgres://u:p@db.example.org/census',
      }),
    { instanceOf: ConfigError },
  );
  t.true(external!.problems.some((p) => p.includes('only for the embedded PostgreSQL')));
});

test('DATABASE_POOL_SIZE: 20 connections by default; a whole number from 2 to 1000', (t) => {
  t.is(loadConfig({}).databasePoolSize, 20);
  t.is(loadConfig({ DATABASE_POOL_SIZE: '64' }).databasePoolSize, 64);
  for (const bad of ['1', '0', '-5', '2.5', '1001', 'twenty', '1e9', '20\u0000']) {
    const error = t.throws(() => loadConfig({ DATABASE_POOL_SIZE: bad }), { instanceOf: ConfigError }, bad);
    t.true(
      error!.problems.some((p) => p.startsWith('DATABASE_POOL_SIZE')),
      bad,
    );
  }
});
