/** Name of the migrated template database every test database is cloned from. */
export const TEMPLATE_DATABASE = 'census_template';

/** The S3 servers `npm test` can run storage tests against. */
export type S3ServerName = 's3rver' | 'swift';

export interface TestS3Server {
  readonly name: S3ServerName;
  readonly endPoint: string;
  readonly port: number;
  readonly useSSL: false;
  readonly accessKey: string;
  readonly secretKey: string;
}

let selected: S3ServerName = 's3rver';

/**
 * Makes every test object store (and test app) of this test file use the named server. Called at
 * the top of the Swift variants of the storage tests, before they import the shared cases.
 */
export function useS3Server(name: S3ServerName): void {
  selected = name;
}

/** The S3 server the test file uses (s3rver unless useS3Server said otherwise). */
export function selectedS3Server(): S3ServerName {
  return selected;
}

/**
 * Every S3 server `npm test` started: s3rver always, Swift (s3api) when its Debian packages are
 * installed (test/services/swift-s3/). Storage tests run against each.
 */
export function testS3Servers(): TestS3Server[] {
  const e = process.env;
  const servers: TestS3Server[] = [];
  if (e.TEST_S3_ENDPOINT)
    servers.push({
      name: 's3rver',
      endPoint: e.TEST_S3_ENDPOINT,
      port: Number(e.TEST_S3_PORT),
      useSSL: false,
      accessKey: e.TEST_S3_ACCESS_KEY!,
      secretKey: e.TEST_S3_SECRET_KEY!,
    });
  if (e.TEST_SWIFT_S3_ENDPOINT)
    servers.push({
      name: 'swift',
      endPoint: e.TEST_SWIFT_S3_ENDPOINT,
      port: Number(e.TEST_SWIFT_S3_PORT),
      useSSL: false,
      accessKey: e.TEST_SWIFT_S3_ACCESS_KEY!,
      secretKey: e.TEST_SWIFT_S3_SECRET_KEY!,
    });
  return servers;
}

/** Why Swift is not among testS3Servers() (printed by tests that skip it), or undefined when it is. */
export function swiftUnavailableReason(): string | undefined {
  if (process.env.TEST_SWIFT_S3_ENDPOINT) return undefined;
  return process.env.TEST_SWIFT_S3_SKIPPED ?? 'Swift was not started for this run';
}

/** Reads the services `npm test` started; tells the developer how to run the suite when they are missing. */
export function testEnvironment(server: S3ServerName = selected) {
  const e = process.env;
  if (!e.TEST_DATABASE_URL || !e.TEST_S3_ENDPOINT) {
    throw new Error(
      'Integration tests need the services started by `npm test` (run `npm test -- <file>` for one file).',
    );
  }
  const s3 = testS3Servers().find((s) => s.name === server);
  if (!s3) throw new Error(`S3 server ${server} is not running: ${swiftUnavailableReason()}`);
  const { name: _name, ...settings } = s3;
  return {
    databaseUrl: e.TEST_DATABASE_URL,
    s3: settings,
    workDir: e.TEST_WORK_DIR!,
  };
}
