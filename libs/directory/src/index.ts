export * from './roles';
export * from './demo-directory';
export * from './directory.service';
export * from './directory.module';
export * from './seed-directory';
