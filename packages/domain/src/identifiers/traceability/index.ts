export * from './messages.ts';
export * from './permissions.ts';
export * from './gs1.ts';
export * from './epc-key.ts';
export * from './events.ts';
export * from './stock.ts';
export * from './warehouse.ts';
