export * from './errors';
export * from './faults';
export * from './http-server';
export * from './json-file';
export * from './request-stats';
export * from './spawn-process';
export * from './process-main';
