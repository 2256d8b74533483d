import { Controller, DynamicModule, INestApplication, Module, Param, Post } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MemoryEventStore } from '@bihuan/event-store';
import { SystemClock } from '@bihuan/core';
import { CONFIG, FileUpload, POLICIES, PolicyRegistry, StagedFile, StagedUpload } from '@bihuan/platform';

/**
 * Bench equipment only: the streamed upload pipeline alone (FileUploadGuard, the staging engine,
 * the uploads policy's `inspection` use) behind one route, for `npm run bench -- upload
 * --target=probe` while the real evidence routes are not there, and to tell the pipeline's
 * memory from a real route's.
 */
@Controller('probe')
class UploadProbeController {
  @Post(':id/evidence')
  @FileUpload({ mode: 'streamed', use: 'inspection', fields: {} })
  take(@Param('id') id: string, @StagedUpload() file: StagedFile): object {
    return { id, digest: file.digest, size: file.size, mediaType: file.mediaType };
  }
}

@Module({})
class UploadProbeModule {
  static with(dataDir: string): DynamicModule {
    const clock = new SystemClock();
    return {
      module: UploadProbeModule,
      controllers: [UploadProbeController],
      providers: [
        { provide: CONFIG, useValue: { dataDir } },
        { provide: POLICIES, useValue: new PolicyRegistry(new MemoryEventStore(clock), () => clock.now().toISOString()) },
      ],
    };
  }
}

export async function startUploadProbe(dataDir: string): Promise<INestApplication> {
  const app = await NestFactory.create(UploadProbeModule.with(dataDir), { logger: false });
  await app.listen(0, '127.0.0.1');
  return app;
}
