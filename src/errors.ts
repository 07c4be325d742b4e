/**
 * Typed errors for files that cannot be used at all. Each carries a plain-words message for the
 * `error` column and keeps the library's error as `cause`. Only `pipeline.ts` catches them per file.
 */
export type ErrorCode = 'encrypted' | 'invalid' | 'wrong_format' | 'empty' | 'too_large' | 'timeout' | 'no_text' | 'unsupported';

export class NianbaoError extends Error {
  override readonly name: string = 'NianbaoError';
  readonly code: ErrorCode;
  readonly file: string | undefined;

  constructor(code: ErrorCode, message: string, options: { file?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
  }
}

export class EncryptedFileError extends NianbaoError {
  override readonly name = 'EncryptedFileError';
  constructor(message = 'encrypted: the file needs a password to open', options: { file?: string; cause?: unknown } = {}) {
    super('encrypted', message, options);
  }
}

export class InvalidFileError extends NianbaoError {
  override readonly name = 'InvalidFileError';
  constructor(message: string, options: { file?: string; cause?: unknown } = {}) {
    super('invalid', message, options);
  }
}

export class WrongFormatError extends NianbaoError {
  override readonly name = 'WrongFormatError';
  constructor(message: string, options: { file?: string; cause?: unknown } = {}) {
    super('wrong_format', message, options);
  }
}

export class EmptyFileError extends NianbaoError {
  override readonly name = 'EmptyFileError';
  constructor(message = 'empty file (0 bytes)', options: { file?: string; cause?: unknown } = {}) {
    super('empty', message, options);
  }
}

export class FileTooLargeError extends NianbaoError {
  override readonly name = 'FileTooLargeError';
  constructor(message: string, options: { file?: string; cause?: unknown } = {}) {
    super('too_large', message, options);
  }
}

export class TimeoutError extends NianbaoError {
  override readonly name = 'TimeoutError';
  constructor(message: string, options: { file?: string; cause?: unknown } = {}) {
    super('timeout', message, options);
  }
}

/** A PDF with pages but no text layer (scanned images). */
export class NoTextError extends NianbaoError {
  override readonly name = 'NoTextError';
  constructor(message = 'scanned PDF: no text layer', options: { file?: string; cause?: unknown } = {}) {
    super('no_text', message, options);
  }
}

export class UnsupportedFormatError extends NianbaoError {
  override readonly name = 'UnsupportedFormatError';
  constructor(message: string, options: { file?: string; cause?: unknown } = {}) {
    super('unsupported', message, options);
  }
}

export function isNianbaoError(e: unknown): e is NianbaoError {
  return e instanceof NianbaoError;
}
