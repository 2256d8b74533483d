import { Controller, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { FileUpload } from '@bihuan/platform';
import { isUploadRoute, UploadRoute, uploadRoutes } from './upload-routes';

describe('isUploadRoute: where body-parsing admits multipart', () => {
  const routes: UploadRoute[] = [
    { method: 'POST', segments: ['directory', 'import'] },
    { method: 'PUT', segments: ['admin', 'notice-templates', ':kind'] },
  ];

  it('matches the declared method and path, a parameter as one segment, the query ignored', () => {
    expect(isUploadRoute(routes, 'POST', '/directory/import')).toBe(true);
    expect(isUploadRoute(routes, 'POST', '/directory/import/?x=1')).toBe(true);
    expect(isUploadRoute(routes, 'PUT', '/admin/notice-templates/summons')).toBe(true);
  });

  it('matches nothing else', () => {
    expect(isUploadRoute(routes, 'PUT', '/directory/import')).toBe(false);
    expect(isUploadRoute(routes, 'POST', '/directory/import/more')).toBe(false);
    expect(isUploadRoute(routes, 'PUT', '/admin/notice-templates')).toBe(false);
    expect(isUploadRoute(routes, 'POST', '/directory/staff')).toBe(false);
    expect(isUploadRoute(routes, undefined, undefined)).toBe(false);
  });
});

@Controller('cases/:caseId')
class UploadsProbeController {
  @Post('import')
  @FileUpload({ maxBytes: 1024, kinds: ['csv'], kindLabel: 'a CSV file', fields: {} })
  memory(): void {}

  @Post('evidence')
  @FileUpload({ mode: 'streamed', use: 'inspection', fields: {} })
  streamed(): void {}

  @Post('note')
  plain(): void {}
}

describe('uploadRoutes: one declaration, whatever the upload mode', () => {
  it('finds memory and streamed @FileUpload routes alike, and no other route', async () => {
    const moduleRef = await Test.createTestingModule({ controllers: [UploadsProbeController] }).compile();
    const app = moduleRef.createNestApplication({ logger: false });
    await app.init();
    try {
      const routes = uploadRoutes(app);
      expect(routes).toEqual(
        expect.arrayContaining([
          { method: 'POST', segments: ['cases', ':caseId', 'import'] },
          { method: 'POST', segments: ['cases', ':caseId', 'evidence'] },
        ]),
      );
      expect(routes).toHaveLength(2);
      expect(isUploadRoute(routes, 'POST', '/cases/f-1/evidence')).toBe(true);
      expect(isUploadRoute(routes, 'POST', '/cases/f-1/note')).toBe(false);
    } finally {
      await app.close();
    }
  });
});
