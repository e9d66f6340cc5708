// Site time and code scheduling: the app's only door to the date library (luxon stays inside zone-rules.ts).
export * from './site-time';
export * from './time-window';
export * from './schedule-plan';
export { isKnownZone, offsetLabel } from './zone-rules';
