export * from './primitives.ts';
export * from './telemetry.ts';
export * from './story.ts';
export * from './scoring.ts';
export * from './scenario.ts';
