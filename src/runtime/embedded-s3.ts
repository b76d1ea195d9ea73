import type { Server } from 'node:http';
import S3rver from 's3rver';
import fs from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { Middleware } from 'koa';
import { s3rverMultipartMiddleware } from './s3rver-multipart.js';

export interface EmbeddedS3Handle {
  readonly endPoint: string;
  readonly port: number;
  readonly accessKey: string;
  readonly secretKey: string;
  stop(): Promise<void>;
}

/** Starts the s3rver S3-protocol server on a free loopback port with its data in `dir`. */
export async function startEmbeddedS3(options: { dir: string; port?: number }): Promise<EmbeddedS3Handle> {
  await fs.mkdir(options.dir, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory: options.dir,
    silent: true,
  });
  // s3rver is a Koa app; its middleware list is composed when it starts listening, so the missing
  // multipart calls are answered ahead of its router.
  (server as unknown as { middleware: Middleware[] }).middleware.unshift(
    s3rverMultipartMiddleware(options.dir) as Middleware,
  );
  const address = (await server.run()) as AddressInfo;
  return {
    endPoint: '127.0.0.1',
    port: address.port,
    // s3rver's fixed development credentials.
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    stop: async () => {
      const closing = new Promise<void>((resolve) => server.close(() => resolve()));
      // close() waits for open connections; a client's keep-alive socket or an abandoned download
      // must not keep the process (and the database stopped after us) alive.
      const httpServer = (server as unknown as { httpServer?: Server }).httpServer;
      httpServer?.closeIdleConnections();
      const force = setTimeout(() => httpServer?.closeAllConnections(), 2000);
      await closing;
      clearTimeout(force);
    },
  };
}
