/**
 * Typed errors for files that cannot be used at all. Each carries a plain-words message for the
 * `error` column and keeps the library's error as `cause`. Only `pipeline.ts` catches them per file.
 * SettingsError, for a caller's invalid settings, lives here too so that every stage throws the same class.
 */

/** What every error of this module may carry besides its message: the file it concerns and the library's error. */
export type ErrorOptions = { readonly file?: string; readonly cause?: unknown };

export type ErrorCode = 'encrypted' | 'invalid' | 'wrong_format' | 'empty' | 'too_large' | 'timeout' | 'no_text' | 'unsupported';

export class NianbaoError extends Error {
  override readonly name: string = 'NianbaoError';
  readonly code: ErrorCode;
  readonly file: string | undefined;

  constructor(code: ErrorCode, message: string, options: ErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
  }
}

export class EncryptedFileError extends NianbaoError {
  override readonly name = 'EncryptedFileError';
  constructor(message = 'encrypted: the file needs a password to open', options: ErrorOptions = {}) {
    super('encrypted', message, options);
  }
}

export class InvalidFileError extends NianbaoError {
  override readonly name = 'InvalidFileError';
  constructor(message: string, options: ErrorOptions = {}) {
    super('invalid', message, options);
  }
}

export class WrongFormatError extends NianbaoError {
  override readonly name = 'WrongFormatError';
  constructor(message: string, options: ErrorOptions = {}) {
    super('wrong_format', message, options);
  }
}

export class EmptyFileError extends NianbaoError {
  override readonly name = 'EmptyFileError';
  constructor(message = 'empty file (0 bytes)', options: ErrorOptions = {}) {
    super('empty', message, options);
  }
}

export class FileTooLargeError extends NianbaoError {
  override readonly name = 'FileTooLargeError';
  constructor(message: string, options: ErrorOptions = {}) {
    super('too_large', message, options);
  }
}

export class TimeoutError extends NianbaoError {
  override readonly name = 'TimeoutError';
  constructor(message: string, options: ErrorOptions = {}) {
    super('timeout', message, options);
  }
}

/** A PDF with pages but no text layer (scanned images). */
export class NoTextError extends NianbaoError {
  override readonly name = 'NoTextError';
  constructor(message = 'scanned PDF: no text layer', options: ErrorOptions = {}) {
    super('no_text', message, options);
  }
}

export class UnsupportedFormatError extends NianbaoError {
  override readonly name = 'UnsupportedFormatError';
  constructor(message: string, options: ErrorOptions = {}) {
    super('unsupported', message, options);
  }
}

/**
 * A settings object with an invalid value (a negative tolerance, an unknown strategy): a mistake of the caller,
 * not of a file, so it is no NianbaoError and no file gets status failed for it.
 */
export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

/** A byte count in the words of an error message ("50 MB"). */
export function megabytes(n: number): string {
  return `${Math.round(n / 1_000_000)} MB`;
}

export function isNianbaoError(e: unknown): e is NianbaoError {
  return e instanceof NianbaoError;
}
