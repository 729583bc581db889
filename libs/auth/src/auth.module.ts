import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ApiKeysService } from './api-keys.service';
import { AuthGuard } from './auth.guard';
import { SessionStore } from './session-store';
import { TokenService } from './token.service';

@Module({
  providers: [TokenService, SessionStore, ApiKeysService, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService, SessionStore, ApiKeysService],
})
export class AuthModule {}
