export * from './event.ts';
export * from './attendee.ts';
export * from './contest.ts';
export * from './outcomes.ts';
export * from './messages.ts';
