/**
 * Structured logs (pino). Secrets and personal data never reach a log line: credentials are
 * redacted by path, and any 18-character ID number or 11-digit mobile number in a message is masked.
 */
import pino, { type Logger, type LoggerOptions } from 'pino';

const ID_NUMBER = /\b(\d{3})\d{11}(\d{3}[\dXx])\b/g;
const MOBILE = /\b(1[3-9]\d)\d{4}(\d{4})\b/g;

export function maskPersonalData(text: string): string {
  return text.replace(ID_NUMBER, '$1***********$2').replace(MOBILE, '$1****$2');
}

export function loggerOptions(level: LoggerOptions['level']): LoggerOptions {
  return {
    level,
    redact: {
      paths: [
        'req.headers.cookie',
        'req.headers.authorization',
        'res.headers["set-cookie"]',
        '*.password',
        '*.idNumber',
        '*.phone',
      ],
      censor: '[redacted]',
    },
    hooks: {
      logMethod(args, method) {
        const masked = args.map((a) => (typeof a === 'string' ? maskPersonalData(a) : a)) as Parameters<typeof method>;
        method.apply(this, masked);
      },
    },
  };
}

export function createLogger(level: LoggerOptions['level'] = 'info'): Logger {
  return pino(loggerOptions(level));
}
