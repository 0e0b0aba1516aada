import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A loopback TCP proxy a test puts between a process and a service (PostgreSQL, say) to take the
 * service away and give it back without touching it: `cut()` drops every open connection and
 * resets every new one until `restore()`. The service itself, shared with every other test, never
 * notices.
 */
export class TcpProxy {
  private readonly open = new Set<Socket>();
  private cutOff = false;

  private constructor(private readonly server: Server) {}

  static async start(target: { host: string; port: number }): Promise<TcpProxy> {
    const server = createServer();
    const proxy = new TcpProxy(server);
    server.on('connection', (client) => proxy.accept(client, target));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  get port(): number {
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('The proxy is not listening');
    return address.port;
  }

  /** Connections passing through now. */
  get connections(): number {
    return this.open.size / 2;
  }

  /** Drops every connection through the proxy, and resets new ones until restore(). */
  cut(): void {
    this.cutOff = true;
    for (const socket of this.open) socket.destroy();
    this.open.clear();
  }

  restore(): void {
    this.cutOff = false;
  }

  async close(): Promise<void> {
    this.cut();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(client: Socket, target: { host: string; port: number }): void {
    if (this.cutOff) {
      client.resetAndDestroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    for (const [from, to] of [[client, upstream], [upstream, client]] as const) {
      this.open.add(from);
      from.pipe(to);
      // Either side ending or failing ends both, as a dropped connection does.
      from.once('close', () => {
        this.open.delete(from);
        to.destroy();
      });
      from.on('error', () => to.destroy());
    }
  }
}
