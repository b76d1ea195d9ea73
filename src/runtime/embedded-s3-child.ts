// The embedded S3 server in a process of its own. In one process with the service, s3rver's
// request handling (parsing, file streaming, XML) shares the service's event loop: a cold page's
// ranged reads then queue behind the tiles being served, and the reverse. As its own process it has
// its own loop (and a core of its own when one is free), as a real S3 server would.
//
// Run as a child: `fork` this file; it answers `{port}` once listening and stops when told
// (`'stop'`), when its parent goes away (the IPC channel closes) or on SIGTERM.

import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startEmbeddedS3, type EmbeddedS3Handle } from './embedded-s3.js';

interface Ready {
  readonly port: number;
}

/** Starts s3rver in a child process with its data in `dir`; resolves once it listens. */
export async function startEmbeddedS3Process(options: { dir: string }): Promise<EmbeddedS3Handle> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), [options.dir], {
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const port = await new Promise<number>((resolve, reject) => {
    child.once('message', (message: Ready) => resolve(message.port));
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(new Error(`the embedded S3 server exited (code ${code}) before listening`)),
    );
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    endPoint: '127.0.0.1',
    port,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.send('stop');
      const force = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(force);
    },
  };
}

/** The child's side: start, report the port, stop on request or when orphaned. */
async function runAsChild(dir: string): Promise<void> {
  const server = await startEmbeddedS3({ dir });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('message', (message) => {
    if (message === 'stop') void stop();
  });
  process.on('disconnect', () => void stop());
  process.on('SIGTERM', () => void stop());
  // Ctrl-C in a terminal reaches the whole process group: the parent decides when we stop.
  process.on('SIGINT', () => undefined);
  process.send!({ port: server.port } satisfies Ready);
}

if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  void runAsChild(process.argv[2]!).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
