import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlertSource, postIlertEvent, RawStream } from '../helpers/streamSocket.js';
import { startTestEngine, type TestEngine } from '../helpers/testEngine.js';

describe('stream: the hello', () => {
  let t: TestEngine;
  beforeAll(async () => {
    t = await startTestEngine({ stream: { helloTimeoutMs: 300 } });
  });
  afterAll(() => t.dispose());

  it('closes with 4009 after an error message when no hello arrives in time', async () => {
    const stream = await RawStream.open(t.url);
    expect(await stream.next()).toEqual({
      type: 'error',
      code: 'hello_timeout',
      message: expect.any(String),
    });
    expect(await stream.closed).toEqual({ code: 4009, reason: 'hello_timeout' });
  });

  it.each([
    ['another protocol version', { type: 'hello', protocol: 2 }],
    ['a field the hello does not have', { type: 'hello', protocol: 1, since: 3 }],
    ['a resume without a sequence', { type: 'hello', protocol: 1, resume: { streamId: 'x' } }],
    ['text that is not JSON', 'hello?'],
    ['another message type', { type: 'subscribe' }],
  ])('answers %s with protocol_error and closes with 4000', async (_what, hello) => {
    const stream = await RawStream.open(t.url);
    stream.send(hello);
    const error = await stream.next();
    expect(error).toMatchObject({ type: 'error', code: 'protocol_error' });
    expect(error.message).toContain('{"type":"hello","protocol":1}');
    expect((await stream.closed).code).toBe(4000);
  });

  it('refuses a binary hello', async () => {
    const stream = await RawStream.open(t.url);
    stream.ws.send(Buffer.from(JSON.stringify({ type: 'hello', protocol: 1 })));
    expect((await stream.next()).code).toBe('protocol_error');
    expect((await stream.closed).code).toBe(4000);
  });

  it('refuses any message after the hello: the stream is one-way', async () => {
    const stream = await RawStream.open(t.url);
    await stream.helloSnapshot();
    stream.send({ type: 'hello', protocol: 1 });
    expect((await stream.next()).code).toBe('protocol_error');
    expect((await stream.closed).code).toBe(4000);
  });
});

describe('stream: heartbeats', () => {
  it('sends heartbeats with the last sequence sent while nothing else is sent', async () => {
    const t = await startTestEngine({ stream: { heartbeatMs: 150 } });
    try {
      const source = await createAlertSource(t.url);
      const stream = await RawStream.open(t.url);
      const snapshot = await stream.helloSnapshot();
      expect(await stream.next()).toEqual({
        type: 'heartbeat',
        seq: snapshot.seq,
        serverTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
      await postIlertEvent(t.url, source.integrationKey, { alertKey: 'beat' });
      const delta = await stream.nextWhere((m) => m.type === 'delta');
      const beat = await stream.nextWhere((m) => m.type === 'heartbeat');
      expect(beat.seq).toBe(delta.seq);
      stream.close();
    } finally {
      await t.dispose();
    }
  });
});
