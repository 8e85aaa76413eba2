// The part of spec/ that both the reference server and the suite import as code: operations, shapes,
// limits, error codes, timestamps and the shared configuration values. Nothing here reads the
// environment or the network.
export * from './codes';
export * from './config';
export * from './limits';
export * from './operations';
export * from './time';
export * from './types';
