import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DirectoryHandler } from './application/directory.handler';
import { DirectoryQueries } from './application/directory.queries';
import { DirectoryController } from './http/directory.controller';
import { DirectoryFilesController } from './http/directory-files.controller';

/**
 * The directory context in the API: its routes and command handler. The live view itself
 * (LiveDirectory, Jurisdiction, UserDirectory) is DirectoryViewModule, global through AuthModule.
 */
@Module({
  imports: [CqrsModule],
  controllers: [DirectoryController, DirectoryFilesController],
  providers: [DirectoryHandler, DirectoryQueries],
})
export class DirectoryModule {}
