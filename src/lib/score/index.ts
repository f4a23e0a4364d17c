export * from './dates.ts';
export * from './engine.ts';
export * from './progress.ts';
export * from './status.ts';
