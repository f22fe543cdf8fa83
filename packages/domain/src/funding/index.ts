export * from './permissions.ts';
export * from './messages.ts';
export * from './kinds.ts';
export * from './award.ts';
export * from './workflow.ts';
export * from './sample.ts';
export * from './evaluation.ts';
export * from './project.ts';
