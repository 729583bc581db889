export * from './clock';
export * from './domain-error';
export * from './london-time';
export * from './assets';
export * from './gate';
