import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { TargetRefusedError, type WebhookTargetGuard } from '../webhookTarget.js';

export interface PostAnswer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  /** The start of the body, for the log ("invalid_payload", "no_service"). */
  readonly body: string;
}

export interface PostOptions {
  readonly guard: WebhookTargetGuard;
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  /** 307 and 308 redirects followed (each target checked again); default 3. */
  readonly maxRedirects?: number;
}

const bodyChars = 300;

/**
 * POSTs `body` (JSON) to `url`, following 307/308 redirects, connecting only where the guard
 * allows (refusals throw TargetRefusedError). A fresh connection each time (no keep-alive
 * agent): notifications are few, and a kept socket would outlive a change of DNS or allow-list.
 */
export async function postJson(url: URL, body: string, options: PostOptions): Promise<PostAnswer> {
  let target = url;
  for (let hop = 0; ; hop += 1) {
    const answer = await postOnce(target, body, options);
    const location = answer.headers.location;
    if ((answer.status !== 307 && answer.status !== 308) || !location) return answer;
    if (hop >= (options.maxRedirects ?? 3)) {
      throw new Error(`redirected more than ${options.maxRedirects ?? 3} times`);
    }
    target = new URL(location, target);
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
      throw new TargetRefusedError(`redirected to a ${target.protocol} URL`);
    }
  }
}

function postOnce(url: URL, body: string, options: PostOptions): Promise<PostAnswer> {
  const problem = options.guard.hostProblem(url.hostname);
  if (problem) return Promise.reject(new TargetRefusedError(problem));
  const signal = AbortSignal.any([options.signal, AbortSignal.timeout(options.timeoutMs)]);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(url, {
      method: 'POST',
      agent: false,
      lookup: options.guard.lookup,
      signal,
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'Nocturne',
        ...options.headers,
      },
    });
    req.on('error', (error) => {
      reject(signal.aborted && !options.signal.aborted ? new Error('timed out') : error);
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (text.length < bodyChars) text += chunk;
      });
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: text.slice(0, bodyChars),
        }),
      );
      res.on('error', reject);
    });
    req.end(body);
  });
}
