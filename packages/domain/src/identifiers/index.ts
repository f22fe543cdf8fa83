export * from './permissions.ts';
export * from './messages.ts';
export * from './traceability/index.ts';
