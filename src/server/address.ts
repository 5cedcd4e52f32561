// where the server listens by default and how its URL is shown (no heavy imports: the CLI loads this eagerly)
export const DEFAULT_PORT = 4173;
export const DEFAULT_HOST = '127.0.0.1';

export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}

export function urlFor(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}/`;
}
