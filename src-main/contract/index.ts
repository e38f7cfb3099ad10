export * from './article';
export * from './meeting';
export * from './channels';
export * from './result';
export type * from './api';
export * from './briefing';
export * from './wire';
export * from './menu';
export * from './months';
