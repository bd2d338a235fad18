// biome-ignore-all lint/suspicious/noExplicitAny: LSP messages are untyped JSON read in a test
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers.js';
import { cli } from './run.js';

/** A minimal LSP client over stdio: Content-Length framing, requests with ids, server requests answered. */
class Lsp {
  private buffer = Buffer.alloc(0);
  private nextId = 1;
  private readonly pending = new Map<number, (r: unknown) => void>();
  readonly notifications: Array<{ method: string; params: any }> = [];
  private readonly waiters: Array<() => void> = [];

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.on('data', (chunk: Buffer) => {
      this.buffer = Buffer.concat([this.buffer, chunk]);
      for (;;) {
        const end = this.buffer.indexOf('\r\n\r\n');
        if (end < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(this.buffer.subarray(0, end).toString())![1]);
        if (this.buffer.length < end + 4 + length) return;
        const msg = JSON.parse(this.buffer.subarray(end + 4, end + 4 + length).toString('utf8'));
        this.buffer = this.buffer.subarray(end + 4 + length);
        this.receive(msg);
      }
    });
  }

  private receive(msg: any): void {
    if (msg.id !== undefined && msg.method) {
      // The server asks for settings (workspace/configuration) and to register capabilities.
      const result = msg.method === 'workspace/configuration' ? msg.params.items.map(() => SETTINGS.yaml) : null;
      this.send({ jsonrpc: '2.0', id: msg.id, result });
    } else if (msg.id !== undefined) this.pending.get(msg.id)?.(msg.result);
    else {
      this.notifications.push(msg);
      for (const w of this.waiters.splice(0)) w();
    }
  }

  private send(msg: unknown): void {
    const body = Buffer.from(JSON.stringify(msg), 'utf8');
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method: string, params: unknown): Promise<any> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.send({ jsonrpc: '2.0', id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    this.send({ jsonrpc: '2.0', method, params });
  }

  async until<T>(find: () => T | undefined, ms = 15000): Promise<T> {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error('timed out waiting for the language server');
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 200);
      });
    }
  }
}

const SETTINGS = { yaml: { validate: true, completion: true, hover: true, schemaStore: { enable: false }, format: { enable: false } } };

describe('the evidence schema in a real editor (yaml-language-server over LSP)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'asa-lsp-'));
  let server: ChildProcessWithoutNullStreams;
  let lsp: Lsp;

  beforeAll(async () => {
    expect(cli(['init', dir, '--company', '测试电器有限公司']).code).toBe(0);
    server = spawn(process.execPath, [join(ROOT, 'node_modules/yaml-language-server/bin/yaml-language-server'), '--stdio'], { stdio: 'pipe' });
    lsp = new Lsp(server);
    await lsp.request('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(dir).href,
      capabilities: {
        workspace: { configuration: true },
        textDocument: {
          completion: { completionItem: { documentationFormat: ['markdown', 'plaintext'], snippetSupport: true } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          publishDiagnostics: {},
        },
      },
    });
    lsp.notify('initialized', {});
    lsp.notify('workspace/didChangeConfiguration', { settings: SETTINGS });
  }, 180_000);

  afterAll(() => server?.kill());

  const open = (name: string, text: string) => {
    const uri = pathToFileURL(join(dir, name)).href;
    lsp.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
    return uri;
  };
  const head = () => readFileSync(join(dir, 'company.yaml'), 'utf8').split('\n').slice(0, 1).join('\n');

  it('uses the modeline init wrote, relative to the evidence file', () => {
    expect(head()).toBe('# yaml-language-server: $schema=./evidence.schema.json');
  });

  it('completes criterion ids under criteria: with their titles', async () => {
    const text = `${head()}\nschemaVersion: 1\ncompany: { name: 测试 }\nassessment: { date: 2026-11-01 }\ncriteria:\n  \n`;
    const uri = open('complete.yaml', text);
    const result = await lsp.request('textDocument/completion', { textDocument: { uri }, position: { line: 5, character: 2 } });
    const items: any[] = Array.isArray(result) ? result : result.items;
    const item = items.find((i) => String(i.label).startsWith('5.1.1.1'));
    expect(item).toBeDefined();
    expect(items.filter((i) => /^5\.\d\.\d\.\d/.test(String(i.label))).length).toBe(34);
    const doc = typeof item.documentation === 'string' ? item.documentation : item.documentation?.value;
    expect(`${doc} ${item.detail ?? ''}`).toContain('售后服务部门与岗位职责');
  }, 180_000);

  it('diagnoses an id the rubric does not have, file and url together, and an impossible date', async () => {
    const text = [
      head(),
      'schemaVersion: 1',
      'company: { name: 测试 }',
      'assessment: { date: 2026-11-01 }',
      'criteria:',
      '  5.9.9.9: { status: met }',
      '  5.1.1.1:',
      '    status: met',
      '    evidence:',
      '      - { file: docs/a.md, url: https://example.com/a }',
      '      - { file: docs/b.md, expires: 2026-13-45 }',
      '',
    ].join('\n');
    const uri = open('diagnose.yaml', text);
    const diags = await lsp.until(() => {
      const n = lsp.notifications.filter((m) => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri).pop();
      return n && n.params.diagnostics.length >= 3 ? n.params.diagnostics : undefined;
    });
    const on = (line: number) =>
      diags
        .filter((d: any) => d.range.start.line === line)
        .map((d: any) => d.message)
        .join(' | ');
    expect(on(5)).toContain('5.9.9.9');
    expect(on(9)).toContain('file 和 url 只能选一个');
    expect(on(10)).toContain('YYYY-MM-DD');
  }, 180_000);
});
