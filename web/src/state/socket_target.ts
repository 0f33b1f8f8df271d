// The socket a cell names, read from its text before it runs, for the terminal's `nc -lk PORT` title.
// Once the code runs, the engine's queryStarted event gives the real targets.
export interface SocketTarget {
  host: string;
  port: number;
}

export const DEFAULT_TARGET: SocketTarget = { host: 'localhost', port: 9999 };

const option = (code: string, name: string): string | undefined => {
  const m = new RegExp(`\\.option\\(\\s*["']${name}["']\\s*,\\s*["']?([^"')\\s]+)["']?\\s*\\)`).exec(code);
  return m?.[1];
};

export function socketTargetFromCode(code: string): SocketTarget | null {
  if (!/format\(\s*["']socket["']\s*\)/.test(code)) return null;
  const port = Number(option(code, 'port') ?? DEFAULT_TARGET.port);
  return { host: option(code, 'host') ?? DEFAULT_TARGET.host, port: Number.isInteger(port) ? port : DEFAULT_TARGET.port };
}

export function parseTargetKey(key: string): SocketTarget | null {
  const m = /^(.*):(\d+)$/.exec(key);
  return m ? { host: m[1], port: Number(m[2]) } : null;
}

export const targetKey = (t: SocketTarget): string => `${t.host}:${t.port}`;
