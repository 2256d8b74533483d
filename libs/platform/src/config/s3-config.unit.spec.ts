import { ConfigError, loadConfig } from '../index';

const noDisk = { createDataDir: false, cwd: '/srv/bihuan' };

function problemOf(env: Record<string, string>): string {
  try {
    loadConfig(env, noDisk);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected loadConfig to throw');
}

describe('S3_* (evidence files in object storage)', () => {
  it('keeps evidence files in S3 when S3_BUCKET is set, naming what is missing or stray', () => {
    const minio = {
      S3_ENDPOINT: 'http://127.0.0.1:9000',
      S3_BUCKET: 'bihuan-evidence',
      S3_ACCESS_KEY_ID: 'bihuan',
      S3_SECRET_ACCESS_KEY: 'bihuan-minio-secret',
    };
    expect(loadConfig(minio, noDisk).s3).toEqual({
      bucket: 'bihuan-evidence',
      region: 'us-east-1',
      endpoint: 'http://127.0.0.1:9000',
      credentials: { accessKeyId: 'bihuan', secretAccessKey: 'bihuan-minio-secret' },
    });
    expect(loadConfig({ S3_BUCKET: 'bihuan-evidence', S3_REGION: 'cn-north-1' }, noDisk).s3).toEqual({
      bucket: 'bihuan-evidence',
      region: 'cn-north-1',
      endpoint: null,
      credentials: null,
    });
    expect(problemOf({ S3_ENDPOINT: minio.S3_ENDPOINT, S3_REGION: 'us-east-1' })).toContain(
      'S3_ENDPOINT,S3_REGION must be set only together with S3_BUCKET',
    );
    expect(problemOf({ S3_BUCKET: 'bihuan-evidence', S3_ENDPOINT: minio.S3_ENDPOINT })).toContain(
      'S3_ACCESS_KEY_ID,S3_SECRET_ACCESS_KEY must be set when S3_ENDPOINT names an S3-compatible server',
    );
    expect(problemOf({ ...minio, S3_SECRET_ACCESS_KEY: '' })).toContain('S3_SECRET_ACCESS_KEY must be set together with S3_ACCESS_KEY_ID');
    expect(problemOf({ ...minio, S3_BUCKET: 'Evidence_Files' })).toContain('S3_BUCKET must be a bucket name');
    expect(problemOf({ ...minio, S3_ENDPOINT: 'http://minio:9000/bucket' })).toContain('S3_ENDPOINT must be an http(s) URL of the server');
  });
});
