import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileInside } from '../src/app.ts';
import { startTestServer, type TestServer } from './harness.ts';

// The built web app is served with client-side routes falling back to index.html, and nothing outside it.

/** A request sent as typed: fetch() would resolve the dot segments before sending. */
function rawGet(baseUrl: string, target: string): Promise<{ status: number; body: string }> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(url.port), url.hostname, () => {
      socket.write(`GET ${target} HTTP/1.1\r\nHost: ${url.host}\r\nConnection: close\r\n\r\n`);
    });
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString()));
    socket.on('end', () => {
      const [head = '', ...rest] = data.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), body: rest.join('\r\n\r\n') });
    });
    socket.on('error', reject);
  });
}

describe('web app serving', () => {
  let server: TestServer;
  let root: string;
  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'zhizao-web-'));
    fs.mkdirSync(path.join(root, 'dist', 'assets'), { recursive: true });
    fs.writeFileSync(path.join(root, 'dist', 'index.html'), '<!doctype html><title>Zhizao</title>');
    fs.writeFileSync(path.join(root, 'dist', 'assets', 'app.js'), 'console.log(1)');
    fs.mkdirSync(path.join(root, 'dist-private'));
    fs.writeFileSync(path.join(root, 'dist-private', 'secret.txt'), 'not for the web');
    server = await startTestServer('sqlite', { ZHIZAO_WEB_DIST: path.join(root, 'dist') });
  });
  afterAll(async () => {
    await server?.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves assets, and index.html for client-side routes', async () => {
    const asset = await rawGet(server.url, '/assets/app.js');
    expect(asset).toMatchObject({ status: 200, body: 'console.log(1)' });
    const route = await rawGet(server.url, '/registry/enterprises');
    expect(route.status).toBe(200);
    expect(route.body).toContain('<title>Zhizao</title>');
  });

  it('resolves a URL path to a file only inside the web app’s folder, not in a sibling that starts with its name', () => {
    expect(fileInside('/srv/dist', '/assets/app.js')).toBe('/srv/dist/assets/app.js');
    expect(fileInside('/srv/dist', '/../dist-private/secret.txt')).toBeNull();
    expect(fileInside('/srv/dist', '/assets/../../dist2/x')).toBeNull();
    expect(fileInside('/srv/dist/', '/../dist')).toBeNull();
  });

  it('never serves a file of a sibling folder whose name starts like the web app’s', async () => {
    for (const target of ['/../dist-private/secret.txt', '/..%2fdist-private%2fsecret.txt', '/assets/../../dist-private/secret.txt']) {
      const res = await rawGet(server.url, target);
      expect(res.body, target).not.toContain('not for the web');
    }
  });
});
