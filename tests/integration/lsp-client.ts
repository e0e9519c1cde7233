// A minimal Language Server Protocol client over stdio: Content-Length framed JSON-RPC 2.0,
// requests with ids and timeouts, handlers for the server's own requests, and notifications.
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

type Json = unknown;
interface Message {
  jsonrpc: '2.0';
  id?: number | string;
  method?: string;
  params?: Json;
  result?: Json;
  error?: { code: number; message: string; data?: Json };
}

export class LspClient {
  private readonly child: ChildProcessWithoutNullStreams;
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: Json): void; reject(e: Error): void; timer: NodeJS.Timeout }>();
  private readonly requestHandlers = new Map<string, (params: Json) => Json | Promise<Json>>();
  private readonly notificationListeners: ((method: string, params: Json) => void)[] = [];
  /** Everything the server wrote to stderr or sent as window/logMessage, for failure messages. */
  readonly log: string[] = [];
  private exited = false;

  constructor(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
    this.child = spawn(command, args, { cwd: options.cwd, env: { ...process.env, ...options.env }, stdio: 'pipe' });
    this.child.stdout.on('data', (chunk: Buffer) => this.onData(chunk));
    this.child.stderr.on('data', (chunk: Buffer) => this.log.push(`stderr: ${chunk.toString()}`));
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      this.log.push(`server exited: code ${code}, signal ${signal}`);
      for (const [, p] of this.pending) {
        clearTimeout(p.timer);
        p.reject(new Error(`server exited before answering\n${this.log.join('\n')}`));
      }
      this.pending.clear();
    });
    this.onNotification((method, params) => {
      if (method === 'window/logMessage' || method === 'window/showMessage') {
        this.log.push(`${method}: ${(params as { message: string }).message}`);
      }
    });
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.subarray(0, headerEnd).toString('ascii');
      const match = /Content-Length: *(\d+)/i.exec(header);
      if (!match) throw new Error(`bad LSP header: ${header}`);
      const length = Number(match[1]);
      const start = headerEnd + 4;
      if (this.buffer.length < start + length) return;
      const body = this.buffer.subarray(start, start + length).toString('utf8');
      this.buffer = this.buffer.subarray(start + length);
      this.dispatch(JSON.parse(body) as Message);
    }
  }

  private dispatch(message: Message): void {
    if (message.method !== undefined && message.id !== undefined) {
      // A request from the server to the client.
      const handler = this.requestHandlers.get(message.method);
      Promise.resolve(handler ? handler(message.params) : null).then(
        (result) => this.write({ jsonrpc: '2.0', id: message.id, result: result ?? null }),
        (error: Error) => this.write({ jsonrpc: '2.0', id: message.id, error: { code: -32603, message: error.message } }),
      );
    } else if (message.method !== undefined) {
      for (const listener of this.notificationListeners) listener(message.method, message.params);
    } else if (typeof message.id === 'number') {
      const pending = this.pending.get(message.id);
      if (!pending) return;
      this.pending.delete(message.id);
      clearTimeout(pending.timer);
      if (message.error) pending.reject(new Error(`${message.error.code}: ${message.error.message}`));
      else pending.resolve(message.result);
    }
  }

  private write(message: Message): void {
    if (this.exited) return;
    const body = Buffer.from(JSON.stringify(message), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request<T = Json>(method: string, params: Json, timeoutMs = 20_000): Promise<T> {
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${method} got no answer in ${timeoutMs} ms\n${this.log.join('\n')}`));
      }, timeoutMs);
      this.pending.set(id, { resolve: resolve as (v: Json) => void, reject, timer });
      this.write({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: Json): void {
    this.write({ jsonrpc: '2.0', method, params });
  }

  /** Answers the server's requests of one method (unhandled ones are answered with null). */
  handle(method: string, handler: (params: Json) => Json | Promise<Json>): void {
    this.requestHandlers.set(method, handler);
  }

  onNotification(listener: (method: string, params: Json) => void): void {
    this.notificationListeners.push(listener);
  }

  /** shutdown + exit, then SIGKILL if the server is still there after a grace period. */
  async close(): Promise<void> {
    if (this.exited) return;
    try {
      await this.request('shutdown', null, 3_000);
      this.notify('exit', null);
    } catch {
      // fall through to kill
    }
    await new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      const timer = setTimeout(() => {
        this.child.kill('SIGKILL');
        resolve();
      }, 2_000);
      this.child.once('exit', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  }
}

export interface Position {
  line: number;
  character: number;
}
export interface Range {
  start: Position;
  end: Position;
}
export interface TextEdit {
  range: Range;
  newText: string;
}

function offsetAt(text: string, position: Position): number {
  let offset = 0;
  for (let line = 0; line < position.line; line++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset + position.character;
}

/** Applies LSP text edits (non-overlapping, positions in the original text) the way an editor does. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const sorted = edits
    .map((edit) => ({ start: offsetAt(text, edit.range.start), end: offsetAt(text, edit.range.end), newText: edit.newText }))
    .sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  return result;
}
