import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server on 127.0.0.1 for tests (the smtp-server package): keeps every message it
 * accepts, parsed (mailparser), or refuses the next ones with a given reply.
 */
export class SmtpSink {
  private constructor(
    private readonly server: SMTPServer,
    readonly messages: ParsedMail[],
    private readonly refusals: Array<{ code: number; text: string }>,
  ) {}

  static async start(): Promise<SmtpSink> {
    const messages: ParsedMail[] = [];
    const refusals: Array<{ code: number; text: string }> = [];
    const server = new SMTPServer({
      authOptional: true,
      // Plain SMTP on loopback: no certificate to trust.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, _session, callback) {
        const refusal = refusals.shift();
        if (refusal) {
          stream.resume();
          stream.on('end', () => {
            const error = new Error(refusal.text) as Error & { responseCode: number };
            error.responseCode = refusal.code;
            callback(error);
          });
          return;
        }
        simpleParser(stream).then(
          (mail) => {
            messages.push(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    return new SmtpSink(server, messages, refusals);
  }

  get url(): string {
    const { port } = this.server.server.address() as AddressInfo;
    return `smtp://127.0.0.1:${port}`;
  }

  /** The next message is refused with this SMTP reply (550: permanent, 451: try later). */
  refuseNext(code: number, text: string): void {
    this.refusals.push({ code, text });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
