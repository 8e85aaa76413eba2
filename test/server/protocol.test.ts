// Cross-cutting rules: routes and methods, bodies and content types, zone ids and isolation,
// the failure envelope and application/json on every answer (decisions 11, 12, 13).
import { connect } from 'node:net';
import { AUTH, expect, JSON_HEADERS, listAll, mapping, paths, randomZone, rawRequest, test } from './fixtures';

const FAILURE = { success: false, errors: [{ code: expect.any(Number), message: expect.any(String) }], messages: [], result: null };

test.describe('routes and methods', () => {
  test('an unknown route is 400 code 7000 with a JSON failure envelope, with or without credentials', async ({ api, zone }) => {
    for (const path of ['/nope', '/zones', `/zones/${zone}/origin`, `/zones/${zone}/origin/cloud_regions/a/b`,
      `/zones/${zone}/origin/cloud_regions/`, `/zones//origin/cloud_regions`, `/zones/${zone}/origin/cloud_regions//1.2.3.4`]) {
      for (const headers of [JSON_HEADERS, {}]) {
        const res = await api('GET', path, undefined, headers);
        expect(res.status, path).toBe(400);
        expect(res.headers['content-type'], path).toBe('application/json');
        expect(res.json, path).toEqual({ ...FAILURE, errors: [{ code: 7000, message: expect.any(String) }] });
      }
    }
  });

  test('a path outside the base path /client/v4 is 400 code 7000', async ({ server }) => {
    const res = await rawRequest(server.url.replace('/client/v4', ''), { method: 'GET', path: '/zones', headers: AUTH });
    expect(res.status).toBe(400);
    expect(res.json.errors[0].code).toBe(7000);
  });

  test('a known route with a wrong method is 405 with an Allow header', async ({ api, zone }) => {
    const p = paths(zone);
    const cases: Array<[string, string, string]> = [
      ['POST', p.list, 'GET'], ['PUT', p.list, 'GET'], ['GET', p.batch, 'PUT, DELETE'], ['PATCH', p.one('192.0.2.1'), 'PUT, GET, DELETE'],
      ['DELETE', p.regions, 'GET'], ['HEAD', p.batch, 'PUT, DELETE'], ['OPTIONS', p.list, 'GET'],
    ];
    for (const [method, path, allow] of cases) {
      const res = await api(method, path);
      expect(res.status, `${method} ${path}`).toBe(405);
      expect(res.headers.allow, `${method} ${path}`).toBe(allow);
      expect(res.headers['content-type']).toBe('application/json');
      if (method !== 'HEAD') expect(res.json).toEqual(FAILURE);
    }
  });

  test('batch and supported_regions are routes, not addresses', async ({ api, zone }) => {
    expect((await api('GET', paths(zone).regions)).json.result.obtained_codes).toBe(true);
    // A percent-encoded "batch" is the :origin_ip route with an invalid address.
    expect((await api('GET', paths(zone).one('%62atch'))).json.errors[0].code).toBe(1146);
  });
});

test.describe('zone ids', () => {
  test('a zone id that is not 32 lowercase hex digits is 400 code 7003 (after auth)', async ({ api, zone }) => {
    for (const id of ['abc', zone.toUpperCase(), `${zone}0`, zone.slice(1), `${zone.slice(0, 31)}g`, '%zz'.repeat(32)]) {
      const res = await api('GET', `/zones/${id}/origin/cloud_regions`);
      expect(res.status, id).toBe(400);
      expect(res.json.errors[0].code, id).toBe(7003);
      expect((await api('GET', `/zones/${id}/origin/cloud_regions`, undefined, {})).json.errors[0].code, id).toBe(9106);
    }
  });

  test('the zone id is percent-decoded once like any path parameter (RFC 3986 percent-encoding equivalence)', async ({ api }) => {
    await api('PUT', paths('0'.repeat(32)).one('192.0.2.1'), mapping('192.0.2.1'));
    expect((await api('GET', paths('%30'.repeat(32)).one('192.0.2.1'))).status).toBe(200);
    await api('DELETE', paths('0'.repeat(32)).one('192.0.2.1'));
  });

  test('zones are isolated: a mapping of one zone is neither visible nor deletable in another (decision 12)', async ({ api, zone }) => {
    const other = randomZone();
    await api('PUT', paths(zone).one('192.0.2.1'), mapping('192.0.2.1'));
    await api('PUT', paths(other).one('192.0.2.1'), mapping('192.0.2.1', 'gcp', 'us-central1'));
    expect((await api('DELETE', paths(other).batch, ['192.0.2.1'])).json.result.succeeded).toHaveLength(1);
    expect((await api('GET', paths(other).one('192.0.2.1'))).status).toBe(404);
    expect((await api('GET', paths(zone).one('192.0.2.1'))).json.result).toMatchObject(mapping('192.0.2.1'));
    expect(await listAll(api, other)).toEqual([]);
  });
});

test.describe('request bodies', () => {
  test('malformed JSON is 400 code 6007 and stores nothing', async ({ api, zone }) => {
    for (const body of ['{', '{"origin_ip":', "{'a':1}", '[1,]', Buffer.from([0xff, 0xfe, 0x7b, 0x7d])]) {
      const res = await api('PUT', paths(zone).batch, body);
      expect(res.status, String(body)).toBe(400);
      expect(res.json.errors[0].code, String(body)).toBe(6007);
    }
    expect(await listAll(api, zone)).toEqual([]);
  });

  test('application/json with parameters and a missing Content-Type are read as JSON; other types are 400 code 9207', async ({ api, zone }) => {
    const p = paths(zone);
    for (const type of ['application/json; charset=utf-8', 'Application/JSON', undefined]) {
      const headers: Record<string, string> = type ? { ...AUTH, 'content-type': type } : AUTH;
      expect((await api('PUT', p.one('192.0.2.1'), mapping('192.0.2.1'), headers)).status, String(type)).toBe(200);
    }
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'application/problem+json', '']) {
      const res = await api('PUT', p.one('192.0.2.2'), mapping('192.0.2.2'), { ...AUTH, 'content-type': type });
      expect(res.status, type).toBe(400);
      expect(res.json.errors[0].code, type).toBe(9207);
    }
    expect((await api('GET', p.one('192.0.2.2'))).status).toBe(404);
  });

  test('a body over 1 MiB is 413 whether declared or streamed, and the server keeps serving', async ({ server, api, zone }) => {
    const big = JSON.stringify([mapping('192.0.2.1'), 'x'.repeat(1024 * 1024)]);
    const declared = await api('PUT', paths(zone).batch, big);
    expect(declared.status).toBe(413);
    expect(declared.headers['content-type']).toBe('application/json');
    expect(declared.json).toEqual(FAILURE);
    const chunks = Array.from({ length: 24 }, () => new TextEncoder().encode(' '.repeat(65536)));
    // fetch on purpose: a streamed body without Content-Length, which the raw client never sends.
    const streamed = await fetch(`${server.url}${paths(zone).batch}`, {
      method: 'PUT', headers: JSON_HEADERS, duplex: 'half',
      body: new ReadableStream({ start(c) { chunks.forEach((chunk) => c.enqueue(chunk)); c.close(); } }),
    } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await listAll(api, zone)).toEqual([]);
  });

  /** Sends one request over a raw socket, the body in slow chunks; resolves with what came back and any socket error. */
  function slowUpload(port: number, head: string, body: Buffer, chunks: number): Promise<{ text: string; sent: number; error?: string }> {
    return new Promise((resolve) => {
      let text = '';
      let sent = 0;
      let error: string | undefined;
      const socket = connect(port, '127.0.0.1', async () => {
        socket.write(head);
        const size = Math.ceil(body.length / chunks);
        for (let i = 0; i < body.length && !socket.destroyed; i += size) {
          socket.write(body.subarray(i, i + size));
          sent += Math.min(size, body.length - i);
          await new Promise((r) => setTimeout(r, 5));
        }
      });
      socket.on('data', (d) => (text += d.toString('latin1')));
      socket.on('error', (e: NodeJS.ErrnoException) => (error = e.code ?? e.message));
      socket.on('close', () => resolve({ text, sent, error }));
      setTimeout(() => socket.end(), 3000);
    });
  }

  test('a 2 MiB body is read to its end before the 413, so a client still sending it never loses the answer to a reset', async ({ server, zone }) => {
    // RFC 9112 section 9.6 (lingering close); with Connection: close, as Node sends without keep-alive.
    const body = Buffer.from(JSON.stringify(['192.0.2.1', 'x'.repeat(2 * 1024 * 1024)]));
    const head = `DELETE /client/v4${paths(zone).batch} HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTH.authorization}\r\n` +
      `Content-Type: application/json\r\nConnection: close\r\nContent-Length: ${body.length}\r\n\r\n`;
    const { text, sent, error } = await slowUpload(server.port, head, body, 32);
    expect(sent, 'the connection stayed open until the whole body was sent').toBe(body.length);
    expect(error, 'no reset or broken pipe while sending').toBeUndefined();
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text).toContain('"success":false');
  });

  test('a body declared far beyond what is worth draining (100 MiB) is answered 413 at once and the connection closed', async ({ server, zone }) => {
    const head = `PUT /client/v4${paths(zone).batch} HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTH.authorization}\r\n` +
      `Content-Type: application/json\r\nContent-Length: ${100 * 1024 * 1024}\r\n\r\n`;
    const { text } = await slowUpload(server.port, head, Buffer.alloc(0), 1);
    expect(text).toMatch(/^HTTP\/1\.1 413 /);
    expect(text.toLowerCase()).toContain('connection: close');
  });

  test('a client that disconnects mid-body changes nothing and the server keeps serving', async ({ server, api, zone }) => {
    const body = JSON.stringify([mapping('192.0.2.1')]);
    await new Promise<void>((resolve) => {
      const socket = connect(server.port, '127.0.0.1', () => {
        socket.write(`PUT /client/v4${paths(zone).batch} HTTP/1.1\r\nHost: x\r\nAuthorization: ${AUTH.authorization}\r\n` +
          `Content-Type: application/json\r\nContent-Length: ${body.length + 10}\r\n\r\n${body}`);
        setTimeout(() => { socket.destroy(); resolve(); }, 100);
      });
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(await listAll(api, zone)).toEqual([]);
  });

  test('a request Node cannot parse still gets a JSON failure envelope', async ({ server }) => {
    const { port } = server;
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GARBAGE / HTTP/1.1\r\n\r\n'));
      let data = '';
      socket.on('data', (chunk) => (data += chunk));
      socket.on('end', () => resolve(data));
      socket.on('error', reject);
    });
    expect(answer).toMatch(/^HTTP\/1\.1 400 /);
    expect(answer).toMatch(/content-type: application\/json/i);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toEqual(FAILURE);
  });
});
