export * from './showcase.ts';
export * from './kpi.ts';
export * from './coverage.ts';
export * from './messages.ts';
