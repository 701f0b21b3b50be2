// A TCP proxy in front of PostgreSQL that a test or the benchmark controls (node:net only): it
// forwards, or refuses connections (the database is down), or accepts them and never answers (a
// network that swallows packets). Used to prove DB_TIMEOUT_MS: 503 within the timeout, and recovery.
import net from 'node:net';

export type ProxyMode = 'forward' | 'refuse' | 'silent';

export type TcpProxy = {
  /** The target URL with the proxy's host and port in place of the database's. */
  url: string;
  mode: ProxyMode;
  /**
   * Changes what the proxy does. Refusing cuts every open connection; going silent keeps them open
   * but swallows their bytes; forwarding again cuts what was open (its bytes were lost).
   */
  setMode(mode: ProxyMode): Promise<void>;
  close(): Promise<void>;
};

/** Listens on 127.0.0.1 (a free port) and forwards to the host and port of `targetUrl`. */
export async function startTcpProxy(targetUrl: string): Promise<TcpProxy> {
  const target = new URL(targetUrl);
  const sockets = new Set<net.Socket>();
  let mode: ProxyMode = 'forward';

  const server = net.createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => {});
    // Silent: the connection is accepted and whatever it sends goes nowhere.
    if (mode === 'silent') return void client.resume();
    const upstream = net.connect(Number(target.port || 5432), target.hostname);
    // No Nagle delay on either side: the proxy must not add latency of its own.
    client.setNoDelay(true);
    upstream.setNoDelay(true);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    // Bytes pass only while forwarding: gone silent, an open connection swallows them both ways.
    client.on('data', (chunk) => mode === 'forward' && upstream.write(chunk));
    upstream.on('data', (chunk) => mode === 'forward' && client.write(chunk));
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;

  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', reject);
        resolve();
      });
    });
  const stopListening = () => new Promise<void>((resolve) => server.close(() => resolve()));

  const url = new URL(targetUrl);
  url.hostname = '127.0.0.1';
  url.port = String(port);
  return {
    url: url.toString(),
    get mode() {
      return mode;
    },
    async setMode(next) {
      if (next === mode) return;
      const wasListening = mode !== 'refuse';
      mode = next;
      if (next !== 'silent') for (const socket of sockets) socket.destroy();
      if (next === 'refuse' && wasListening) await stopListening();
      if (next !== 'refuse' && !wasListening) await listen();
    },
    async close() {
      for (const socket of sockets) socket.destroy();
      if (mode !== 'refuse') await stopListening();
    },
  };
}
