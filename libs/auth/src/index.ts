export * from './principal';
export * from './access.decorators';
export * from './token.service';
export * from './session-store';
export * from './session-cookie';
export * from './auth.guard';
export * from './auth.module';
export * from './api-keys.service';
