/**
 * Typed errors of the engine. Bad input is the caller's to fix, so every message says what was wrong
 * and what to do; adapters map `BadInputError` to an error report (no retry) and rethrow the rest.
 */

/** Base class of every error solieu raises on purpose. */
export class SolieuError extends Error {
  /** Stable machine-readable code, e.g. `INVALID_UTF8`. */
  readonly code: string;
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SolieuError';
    this.code = code;
  }
}

/** The input cannot be summarized as it is: retrying will not help, a person must fix the file. */
export class BadInputError extends SolieuError {
  constructor(code: string, message: string, options?: { cause?: unknown }) {
    super(code, message, options);
    this.name = 'BadInputError';
  }
}

/** Empty or whitespace-only input. */
export class EmptyInputError extends BadInputError {
  constructor(message = 'the input is empty or holds only whitespace: upload the article text itself') {
    super('EMPTY_INPUT', message);
    this.name = 'EmptyInputError';
  }
}

/** Bytes that are not text: NUL bytes or the signature of an image, PDF or archive. */
export class BinaryInputError extends BadInputError {
  readonly format: string;
  constructor(format: string, detail: string) {
    super('BINARY_INPUT', `the input is ${format}, not text (${detail}): upload the article as a UTF-8 or UTF-16 text file`);
    this.name = 'BinaryInputError';
    this.format = format;
  }
}

/** Bytes that claim an encoding they do not follow. */
export class EncodingError extends BadInputError {
  readonly encoding: string;
  readonly byteOffset: number;
  constructor(encoding: string, byteOffset: number, detail: string) {
    super(
      encoding === 'UTF-8' ? 'INVALID_UTF8' : 'INVALID_UTF16',
      `the input is not valid ${encoding}: ${detail} at byte offset ${byteOffset}; ` +
        'save the file as UTF-8 (or UTF-16 with a byte order mark) and upload it again',
    );
    this.name = 'EncodingError';
    this.encoding = encoding;
    this.byteOffset = byteOffset;
  }
}

/** The input is larger than the configured limit. */
export class InputTooLargeError extends BadInputError {
  readonly size: number;
  readonly limit: number;
  constructor(size: number, limit: number) {
    super('INPUT_TOO_LARGE', `the input has ${size} bytes, more than the limit of ${limit} bytes: split the file or raise the limit`);
    this.name = 'InputTooLargeError';
    this.size = size;
    this.limit = limit;
  }
}

/** A glossary file that breaks the terminology CSV rules; `line` is 1-based. */
export class GlossaryError extends BadInputError {
  readonly source: string;
  readonly line: number;
  constructor(source: string, line: number, message: string) {
    super('BAD_GLOSSARY', `${source}:${line}: ${message}`);
    this.name = 'GlossaryError';
    this.source = source;
    this.line = line;
  }
}

/** True for errors that mean "fix the input", as opposed to faults of the machine or network. */
export function isBadInput(error: unknown): error is BadInputError {
  return error instanceof BadInputError;
}
