import { Module } from '@nestjs/common';
import { DocumentRenderer } from './document-renderer';

@Module({ providers: [DocumentRenderer], exports: [DocumentRenderer] })
export class DocumentsModule {}
