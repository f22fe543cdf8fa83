export * from './permissions.ts';
export * from './messages.ts';
export * from './handle.ts';
export * from './template.ts';
export * from './prefix.ts';
export * from './response-codes.ts';
export * from './statistics.ts';
export * from './traceability/index.ts';
