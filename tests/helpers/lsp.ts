/** A minimal Language Server Protocol client over stdio (Content-Length framing), for editor tests. */
import { type ChildProcess, spawn } from 'node:child_process';

export interface LspClient {
  request: <T = unknown>(method: string, params: unknown) => Promise<T>;
  notify: (method: string, params: unknown) => void;
  /** notifications the server sent, by method */
  notifications: { method: string; params: unknown }[];
  stop: () => void;
  stderr: () => string;
}

export function startLsp(command: string, args: string[], cwd: string): LspClient {
  const child: ChildProcess = spawn(command, args, { cwd, stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = Buffer.alloc(0);
  let err = '';
  let next = 1;
  const pending = new Map<number, { ok: (v: unknown) => void; fail: (e: Error) => void }>();
  const notifications: { method: string; params: unknown }[] = [];
  const send = (message: object) => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin!.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin!.write(body);
  };
  child.stderr!.on('data', (d: Buffer) => {
    err += d.toString('utf8');
  });
  child.stdout!.on('data', (d: Buffer) => {
    buffer = Buffer.concat([buffer, d]);
    for (;;) {
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, end).toString('ascii'))?.[1]);
      if (buffer.length < end + 4 + length) return;
      const message = JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString('utf8')) as {
        id?: number;
        method?: string;
        params?: unknown;
        result?: unknown;
        error?: { message: string };
      };
      buffer = buffer.subarray(end + 4 + length);
      if (message.method !== undefined && message.id !== undefined) {
        // a request from the server (configuration, capability registration …): answer it plainly
        const items = (message.params as { items?: unknown[] } | undefined)?.items;
        send({ id: message.id, result: message.method === 'workspace/configuration' ? (items ?? []).map(() => null) : null });
      } else if (message.method !== undefined) notifications.push({ method: message.method, params: message.params });
      else if (message.id !== undefined) {
        const p = pending.get(message.id);
        pending.delete(message.id);
        if (message.error) p?.fail(new Error(message.error.message));
        else p?.ok(message.result);
      }
    }
  });
  child.on('exit', () => {
    for (const p of pending.values()) p.fail(new Error(`the language server stopped:\n${err}`));
  });
  return {
    request: <T>(method: string, params: unknown) =>
      new Promise<T>((ok, fail) => {
        const id = next++;
        pending.set(id, { ok: ok as (v: unknown) => void, fail });
        send({ id, method, params });
      }),
    notify: (method, params) => send({ method, params }),
    notifications,
    stop: () => child.kill(),
    stderr: () => err,
  };
}
