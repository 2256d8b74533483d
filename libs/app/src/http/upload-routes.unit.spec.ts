import { isUploadRoute, UploadRoute } from './upload-routes';

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
