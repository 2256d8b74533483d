import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, INestApplication, Param, Post } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import request from 'supertest';
import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { stagingDirOf } from '../config/app-config';
import { StagedFile } from '../files/staged-file';
import { checkUploadPolicy, DEFAULT_UPLOAD_POLICY, UPLOADS_POLICY_CONTEXT } from '../files/upload-policy';
import { CONFIG, POLICIES } from '../platform.tokens';
import { PolicyRegistry } from '../policy/policy-registry';
import { FileUpload } from './file-upload';
import { StagedUpload } from './staged-upload';

const sm3 = (bytes: Buffer): string => createHash('sm3').update(bytes).digest('hex');
const KB = 1024;
const jpeg = (size: number): Buffer => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(size - 4, 0x5a)]);

/** Test-only route: what the handler saw of its StagedFile, and the file as it was on disk then. */
@Controller('cases')
class EvidenceProbeController {
  @Post(':outcome/evidence')
  @FileUpload({ mode: 'streamed', use: 'public', fields: { note: { type: 'string', maxLength: 100 } } })
  take(@Param('outcome') outcome: string, @StagedUpload() file: StagedFile, @Body() body: { note?: string }): object {
    if (outcome === 'fail') throw new Error('the handler failed after the file was staged');
    const onDisk = readFileSync(file.path);
    return { file, note: body.note, mode: statSync(file.path).mode & 0o777, onDiskDigest: sm3(onDisk) };
  }
}

describe('@FileUpload streamed mode: to a staging file through HTTP, limits from the uploads policy', () => {
  let app: INestApplication;
  let dataDir: string;
  let policies: PolicyRegistry;
  const staging = (): string[] => {
    const dir = stagingDirOf({ dataDir });
    return existsSync(dir) ? readdirSync(dir) : [];
  };
  /** Removal follows the response (its `finish`), so the test waits a moment for it. */
  const stagingDrained = async (): Promise<string[]> => {
    for (let i = 0; i < 100 && staging().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    return staging();
  };
  const upload = (bytes: Buffer, name = '整改照片（一）.jpg', outcome = 'ok') =>
    request(app.getHttpServer())
      .post(`/cases/${outcome}/evidence`)
      .field('note', '现场')
      .attach('file', bytes, { filename: name, contentType: 'image/jpeg' });

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bihuan-upload-'));
    const clock = new FakeClock();
    policies = new PolicyRegistry(new MemoryEventStore(clock), () => clock.now().toISOString());
    const moduleRef = await Test.createTestingModule({
      controllers: [EvidenceProbeController],
      providers: [
        { provide: CONFIG, useValue: { dataDir } },
        { provide: POLICIES, useValue: policies },
      ],
    }).compile();
    app = moduleRef.createNestApplication({ logger: false });
    await app.init();
  });
  afterEach(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('hands the handler a StagedFile: SM3 and size of the bytes, type by content, the name kept; removed once answered', async () => {
    const bytes = jpeg(300 * KB);
    const res = await upload(bytes, 'C:\\相册\\整改照片（一）.jpg').expect(201);
    expect(res.body).toMatchObject({
      file: { digest: sm3(bytes), size: bytes.length, mediaType: 'image/jpeg', name: '整改照片（一）.jpg' },
      note: '现场',
      mode: 0o600,
      onDiskDigest: sm3(bytes),
    });
    expect(res.body.file.path.startsWith(stagingDirOf({ dataDir }))).toBe(true);
    expect(await stagingDrained()).toEqual([]);
    expect(existsSync(res.body.file.path)).toBe(false);
  });

  it('refuses a file over the use’s limit with 413 naming it, and leaves nothing in staging', async () => {
    const res = await upload(jpeg(10 * 1024 * KB + 1)).expect(413);
    expect(res.body).toMatchObject({ code: 'PAYLOAD_TOO_LARGE', field: 'file', limit: '10MB' });
    expect(await stagingDrained()).toEqual([]);
  });

  it.each([
    ['an HTML page named .jpg', Buffer.from(`<html><script>alert(1)</script>${' '.repeat(100 * KB)}</html>`)],
    ['an exe named .jpg', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(100 * KB, 0x90)])],
    [
      'a Word document (not for the public)',
      Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(100 * KB)]),
    ],
  ])('refuses %s with 400 naming file and the kinds admitted, and leaves nothing in staging', async (_label, bytes) => {
    const res = await upload(bytes).expect(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'file', rule: 'fileType' })]);
    expect(res.body.fields[0].message).toMatch(/following values: JPEG, PNG, GIF, WEBP, HEIC, PDF$/);
    expect(await stagingDrained()).toEqual([]);
  });

  it('takes a policy change of the use on the very next request', async () => {
    const bytes = jpeg(200 * KB);
    await upload(bytes).expect(201);
    await policies.set(
      UPLOADS_POLICY_CONTEXT,
      DEFAULT_UPLOAD_POLICY,
      { uses: { public: { maxBytes: 100 * KB } } },
      admin,
      '压缩上限',
      'p-1',
      checkUploadPolicy,
    );
    expect((await upload(bytes).expect(413)).body).toMatchObject({ limit: '100KB' });
    await policies.set(
      UPLOADS_POLICY_CONTEXT,
      DEFAULT_UPLOAD_POLICY,
      { uses: { public: { kinds: ['pdf'] } } },
      admin,
      '只收 PDF',
      'p-2',
      checkUploadPolicy,
    );
    expect((await upload(bytes).expect(400)).body.fields[0].message).toMatch(/following values: PDF$/);
    expect(await stagingDrained()).toEqual([]);
  });

  it('removes the staging file when the handler fails', async () => {
    await upload(jpeg(50 * KB), 'a.jpg', 'fail').expect(500);
    expect(await stagingDrained()).toEqual([]);
  });

  it('answers no file and an empty file with 400 fileRequired, nothing left', async () => {
    const none = await request(app.getHttpServer()).post('/cases/ok/evidence').field('note', 'x').expect(400);
    expect(none.body.fields).toEqual([expect.objectContaining({ field: 'file', rule: 'fileRequired' })]);
    const empty = await upload(Buffer.alloc(0)).expect(400);
    expect(empty.body.fields).toEqual([expect.objectContaining({ field: 'file', rule: 'fileRequired' })]);
    expect(await stagingDrained()).toEqual([]);
  });

  it('leaves nothing when the client goes away in the middle of the upload', async () => {
    const { port } = app.getHttpServer().listen(0).address() as AddressInfo;
    const boundary = 'abortb';
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`;
    const req = httpRequest({
      port,
      method: 'POST',
      path: '/cases/ok/evidence',
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + 5 * 1024 * KB + 100) },
    });
    req.on('error', () => undefined); // the abort itself
    req.write(head);
    req.write(jpeg(512 * KB));
    for (let i = 0; i < 100 && staging().length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(staging()).toHaveLength(1); // the upload was under way
    req.destroy();
    expect(await stagingDrained()).toEqual([]);
  });
});

const admin = { id: 'admin', role: 'admin' as const, unit: 'prov' };
