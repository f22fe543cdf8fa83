export * from './base-station.ts';
export * from './key-place.ts';
export * from './gigabit-indicator.ts';
export * from './obstacle.ts';
export * from './figures.ts';
export * from './messages.ts';
