import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createServer as createHttpServer, request, type Server as HttpServer } from 'node:http';
import { FaultProxy } from './fault-proxy.js';

/** An echo server: every byte comes back. */
const startEcho = async (): Promise<Server> => {
  const server = createServer((socket) => {
    socket.on('error', () => undefined);
    socket.pipe(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
};

const portOf = (server: Server | HttpServer) => (server.address() as AddressInfo).port;

const open = (port: number): Promise<Socket> =>
  new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port }, () => resolve(socket));
    socket.once('error', reject);
  });

/** Writes `text` and resolves with what came back once `text.length` bytes arrived, or rejects on error/close/timeout. */
const roundTrip = (socket: Socket, text: string, timeoutMs = 2000): Promise<string> =>
  new Promise((resolve, reject) => {
    let got = '';
    const timer = setTimeout(() => { cleanup(); reject(new Error('timeout')); }, timeoutMs);
    const onData = (chunk: Buffer) => {
      got += chunk.toString();
      if (got.length >= text.length) { cleanup(); resolve(got); }
    };
    const onError = (error: Error) => { cleanup(); reject(error); };
    const onClose = () => { cleanup(); reject(new Error('closed')); };
    const cleanup = () => {
      clearTimeout(timer);
      socket.off('data', onData);
      socket.off('error', onError);
      socket.off('close', onClose);
    };
    socket.on('data', onData);
    socket.once('error', onError);
    socket.once('close', onClose);
    socket.write(text);
  });

describe('FaultProxy (real sockets)', () => {
  let echo: Server;
  let proxy: FaultProxy;

  before(async () => {
    echo = await startEcho();
    proxy = await FaultProxy.start({ targetHost: '127.0.0.1', targetPort: portOf(echo) });
  });
  after(async () => {
    await proxy.close();
    await new Promise((resolve) => echo.close(resolve));
  });

  it('forwards bytes both ways untouched, in order', async () => {
    const socket = await open(proxy.port);
    const payload = Array.from({ length: 2000 }, (_, i) => `chunk-${i};`).join('');
    assert.equal(await roundTrip(socket, payload), payload);
    socket.destroy();
    assert.ok(proxy.stats().bytesUp >= payload.length && proxy.stats().bytesDown >= payload.length);
  });

  it('adds latency to each direction and keeps byte order', async () => {
    proxy.setLatency(150);
    try {
      const socket = await open(proxy.port);
      const started = Date.now();
      assert.equal(await roundTrip(socket, 'a'.repeat(10) + 'b'.repeat(10)), 'a'.repeat(10) + 'b'.repeat(10));
      const elapsed = Date.now() - started;
      assert.ok(elapsed >= 290, `round trip took ${elapsed} ms, expected ≥ 300 (150 each way)`);
      socket.destroy();
    } finally {
      proxy.restore();
    }
    const socket = await open(proxy.port);
    const started = Date.now();
    await roundTrip(socket, 'fast');
    assert.ok(Date.now() - started < 150, 'restore() removes the latency');
    socket.destroy();
  });

  it('resets open connections (the client sees ECONNRESET) and refuses new ones until restored', async () => {
    const socket = await open(proxy.port);
    await roundTrip(socket, 'before');
    const failed = new Promise<NodeJS.ErrnoException>((resolve) => socket.once('error', resolve));
    proxy.reset({ refuseNew: true });
    assert.equal((await failed).code, 'ECONNRESET');

    try {
      // Reset on accept: the connect itself may fail, or the first exchange.
      await assert.rejects(open(proxy.port).then((refused) => roundTrip(refused, 'x')), /ECONNRESET|closed/);
    } finally {
      proxy.restore();
    }
    const again = await open(proxy.port);
    assert.equal(await roundTrip(again, 'after'), 'after');
    again.destroy();
    assert.ok(proxy.stats().resets >= 2);
  });

  it('black-holes: accepts, never forwards, never answers; restore() resets the dead connections so clients reconnect', async () => {
    const live = await open(proxy.port);
    await roundTrip(live, 'ping');
    proxy.blackhole();
    const upBefore = proxy.stats().bytesUp;
    await assert.rejects(roundTrip(live, 'lost', 300), /timeout/);
    const fresh = await open(proxy.port); // the TCP handshake still succeeds
    await assert.rejects(roundTrip(fresh, 'lost too', 300), /timeout/);
    assert.equal(proxy.stats().bytesUp, upBefore, 'nothing reached the target');
    const liveReset = new Promise<NodeJS.ErrnoException>((resolve) => live.once('error', resolve));
    proxy.restore();
    assert.equal((await liveReset).code, 'ECONNRESET');
    fresh.destroy();
    const next = await open(proxy.port);
    assert.equal(await roundTrip(next, 'back'), 'back');
    next.destroy();
  });

  it('resets a connection after N bytes (a connection dropped mid-reply)', async () => {
    proxy.resetAfterBytes(100);
    try {
      const socket = await open(proxy.port);
      await assert.rejects(roundTrip(socket, 'z'.repeat(500)), /ECONNRESET|closed/);
    } finally {
      proxy.restore();
    }
  });

  it('carries HTTP: a client with a timeout gives up on a black-holed server, then succeeds once restored', async () => {
    const http = createHttpServer((_req, res) => res.end('ok'));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const httpProxy = await FaultProxy.start({ targetHost: '127.0.0.1', targetPort: portOf(http) });
    const get = (timeoutMs: number) =>
      new Promise<string>((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: httpProxy.port, path: '/', agent: false, timeout: timeoutMs }, (res) => {
          let body = '';
          res.on('data', (c: Buffer) => (body += c.toString()));
          res.on('end', () => resolve(body));
        });
        req.on('timeout', () => req.destroy(new Error('timeout')));
        req.on('error', reject);
        req.end();
      });
    try {
      assert.equal(await get(1000), 'ok');
      assert.equal(httpProxy.url('http://10.0.0.1:9999/ia/xml'), `http://127.0.0.1:${httpProxy.port}/ia/xml`);
      httpProxy.blackhole();
      await assert.rejects(get(300), /timeout/);
      httpProxy.restore();
      assert.equal(await get(1000), 'ok');
    } finally {
      await httpProxy.close();
      await new Promise((resolve) => http.close(resolve));
    }
  });
});
