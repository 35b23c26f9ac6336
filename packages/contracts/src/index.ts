export * from './common.ts';
export * from './coverage.ts';
export * from './errors.ts';
export * from './households.ts';
export * from './staff.ts';
export * from './system.ts';
export * from './units.ts';
