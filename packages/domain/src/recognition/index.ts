export * from './permissions.ts';
export * from './messages.ts';
