/** The service's exceptions: Apps Script names them "Exception", whatever the message. */
export class EmulatorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Exception';
  }
}

export function fail(message: string): never {
  throw new EmulatorError(message);
}
