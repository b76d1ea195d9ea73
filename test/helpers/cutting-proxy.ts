import net from 'node:net';

// An HTTP/1.1 request line as the S3 client writes it.
const REQUEST_LINE = /^([A-Z]+) (\S+) HTTP\/1\.1\r$/gm;

/**
 * A TCP proxy in front of an S3 server that plays the server going away: after `cutAfter(bytes)`
 * it forwards that many more request bytes, then drops every connection and refuses new ones
 * until `restore()`. Works the same for every S3 server (s3rver, Swift), which keep running behind.
 * It lists the requests it forwarded (`requests`: method and path), for tests that count them.
 */
export class CuttingProxy {
  readonly requests: string[] = [];
  private server: net.Server | undefined;
  private readonly sockets = new Set<net.Socket>();
  private budget = Infinity;
  private down = false;
  /** Resolves once the line was cut. */
  cut: Promise<void> = Promise.resolve();
  private markCut: () => void = () => undefined;
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(): Promise<this> {
    this.server = net.createServer((client) => {
      if (this.down) return client.destroy();
      const upstream = net.connect(this.targetPort, this.targetHost);
      this.sockets.add(client).add(upstream);
      const close = () => {
        client.destroy();
        upstream.destroy();
        this.sockets.delete(client);
        this.sockets.delete(upstream);
      };
      client.on('data', (chunk: Buffer) => {
        if (this.down) return close();
        this.budget -= chunk.length;
        for (const [, method, target] of chunk.toString('latin1').matchAll(REQUEST_LINE))
          this.requests.push(`${method} ${target}`);
        upstream.write(chunk);
        if (this.budget <= 0) this.goDown();
      });
      upstream.on('data', (chunk: Buffer) => client.write(chunk));
      client.on('close', close).on('error', close);
      upstream.on('close', close).on('error', close);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as net.AddressInfo).port;
    return this;
  }

  /** The line drops after this many more request bytes. */
  cutAfter(bytes: number): void {
    this.budget = bytes;
    this.cut = new Promise((resolve) => (this.markCut = resolve));
  }

  private goDown(): void {
    this.down = true;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
    this.markCut();
  }

  /** The server is reachable again. */
  restore(): void {
    this.down = false;
    this.budget = Infinity;
  }

  async stop(): Promise<void> {
    this.goDown();
    await new Promise((resolve) => this.server?.close(resolve));
  }
}
