export * from './messages.ts';
export * from './permissions.ts';
