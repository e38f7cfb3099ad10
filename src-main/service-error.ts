import type { ErrorCode } from './contract/result';

/** An expected failure inside a service, carried to the caller as a Result error with its code. */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ServiceError';
  }
}
