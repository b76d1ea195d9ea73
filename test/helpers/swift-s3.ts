// Starts the single-node OpenStack Swift with s3api (test/services/swift-s3/start.sh) for `npm test`,
// when its Debian packages are installed; see the README section on S3 servers.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { isPortInUse } from '../../src/runtime/free-port.js';

const run = promisify(execFile);
const SCRIPTS = path.resolve('test/services/swift-s3');

export interface SwiftS3Handle {
  readonly endPoint: string;
  readonly port: number;
  readonly accessKey: string;
  readonly secretKey: string;
  stop(): Promise<void>;
}

/** Why Swift cannot run here (packages missing), or undefined when it can. */
export function swiftMissing(): string | undefined {
  if (process.env.TEST_SWIFT === 'off') return 'TEST_SWIFT=off';
  if (!fs.existsSync('/usr/bin/swift-proxy-server') || !fs.existsSync('/etc/swift/swift.conf'))
    return 'OpenStack Swift is not installed (apt-get install swift swift-proxy swift-account swift-container swift-object python3-swift)';
  return undefined;
}

/** Four consecutive free loopback ports (proxy, account, container, object servers). */
async function freePortBlock(): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const base = 20000 + Math.floor(Math.random() * 40000);
    const used = await Promise.all([0, 1, 2, 3].map((i) => isPortInUse(base + i, '127.0.0.1')));
    if (!used.some(Boolean)) return base;
  }
  throw new Error('no block of four free ports for Swift');
}

/** Starts Swift with its data under `dir`; resolves when its S3 endpoint answers. */
export async function startSwiftS3(dir: string): Promise<SwiftS3Handle> {
  const port = await freePortBlock();
  await run(path.join(SCRIPTS, 'start.sh'), [dir, String(port)], { timeout: 90_000 });
  return {
    endPoint: '127.0.0.1',
    port,
    accessKey: 'test:tester',
    secretKey: 'testing',
    stop: async () => {
      await run(path.join(SCRIPTS, 'stop.sh'), [dir], { timeout: 30_000 }).catch(() => undefined);
    },
  };
}
