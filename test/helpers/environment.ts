/** Name of the migrated template database every test database is cloned from. */
export const TEMPLATE_DATABASE = 'census_template';

/** Reads the services `npm test` started; tells the developer how to run the suite when they are missing. */
export function testEnvironment() {
  const e = process.env;
  if (!e.TEST_DATABASE_URL || !e.TEST_S3_ENDPOINT) {
    throw new Error(
      'Integration tests need the services started by `npm test` (run `npm test -- <file>` for one file).',
    );
  }
  return {
    databaseUrl: e.TEST_DATABASE_URL,
    s3: {
      endPoint: e.TEST_S3_ENDPOINT,
      port: Number(e.TEST_S3_PORT),
      useSSL: false,
      accessKey: e.TEST_S3_ACCESS_KEY!,
      secretKey: e.TEST_S3_SECRET_KEY!,
    },
    workDir: e.TEST_WORK_DIR!,
  };
}
