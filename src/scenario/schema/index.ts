export * from './primitives.ts';
export * from './telemetry.ts';
export * from './story.ts';
export * from './scoring.ts';
export * from './scenario.ts';
export * from './team-role.ts';
export * from './team.ts';
