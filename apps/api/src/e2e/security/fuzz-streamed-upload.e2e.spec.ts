import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Body, Controller, Module, Param, Post } from '@nestjs/common';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { Document, Packer, Paragraph } from 'docx';
import { Roles } from '@bihuan/auth';
import { FileUpload, StagedFile, StagedUpload, stagingDirOf } from '@bihuan/platform';
import { createTestApp, TestApp } from '../../testing/test-app';
import { generateMultipartBodies } from './fuzz-multipart';

class NoteDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  note?: string;
}

/** Test-only: a streamed evidence route as the contexts will declare one, inside the real app. */
@Controller('probe-cases')
class StreamedProbeController {
  @Post(':caseId/evidence')
  @Roles('inspector')
  @FileUpload({ mode: 'streamed', use: 'inspection', fields: { note: { type: 'string', maxLength: 100 } } })
  take(@Param('caseId') caseId: string, @StagedUpload() file: StagedFile, @Body() body: NoteDto): object {
    return { caseId, file, note: body.note ?? null };
  }
}

@Module({ controllers: [StreamedProbeController] })
class StreamedProbeModule {}

/**
 * The real app's HTTP stack (body parsing, auth, validation pipe, error filter) in front of a
 * streamed @FileUpload route: multipart is admitted there from the one declaration, a real file
 * is staged, and every broken form of the fuzz set is a 4xx with a code that leaves no staging file.
 */
describe('fuzz: broken multipart forms on a streamed upload route', () => {
  let t: TestApp;
  let dataDir: string;
  const staging = (): string[] => (existsSync(stagingDirOf({ dataDir })) ? readdirSync(stagingDirOf({ dataDir })) : []);
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'bihuan-fuzz-upload-'));
    t = await createTestApp({ config: { dataDir }, extra: [{ module: StreamedProbeModule }] });
  });
  afterAll(async () => {
    await t.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stages a real file through the whole stack, and refuses JSON with 415', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n');
    const res = await t.http
      .post('/probe-cases/c-1/evidence')
      .set(t.auth('inspector-a1'))
      .field('note', '现场笔录')
      .attach('file', pdf, { filename: '笔录.pdf', contentType: 'application/octet-stream' })
      .expect(201);
    expect(res.body).toMatchObject({
      caseId: 'c-1',
      note: '现场笔录',
      file: { digest: createHash('sm3').update(pdf).digest('hex'), size: pdf.length, mediaType: 'application/pdf', name: '笔录.pdf' },
    });
    const json = await t.http.post('/probe-cases/c-1/evidence').set(t.auth('inspector-a1')).send({ note: 'x' }).expect(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('tells an Office document by its zip entries while it streams (head and tail)', async () => {
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('整改情况说明')] }] }));
    const res = await t.http
      .post('/probe-cases/c-3/evidence')
      .set(t.auth('inspector-a1'))
      .attach('file', docx, { filename: '整改情况说明.docx', contentType: 'application/octet-stream' })
      .expect(201);
    expect(res.body.file).toMatchObject({
      size: docx.length,
      digest: createHash('sm3').update(docx).digest('hex'),
      mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
  });

  it('refuses a kind the use does not admit in Chinese, naming file and the kinds', async () => {
    const res = await t.http
      .post('/probe-cases/c-4/evidence')
      .set(t.auth('inspector-a1'))
      .attach('file', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'photo.jpg')
      .expect(400);
    expect(res.body.fields).toEqual([expect.objectContaining({ field: 'file', rule: 'fileType' })]);
    expect(res.body.fields[0].message).toMatch(/文件类型不符合要求.*JPEG.*PDF.*DOCX/);
  });

  it('fingerprints a staged file for Idempotency-Key by its SM3: the same file replays, another is KEY_REUSED', async () => {
    const send = (text: string) =>
      t.http
        .post('/probe-cases/c-2/evidence')
        .set(t.auth('inspector-a1'))
        .set('Idempotency-Key', 'evidence-key-1')
        .attach('file', Buffer.from(`%PDF-1.7\n${text}\n%%EOF\n`), '笔录.pdf');
    const first = await send('first');
    expect(first.status).toBe(201);
    const again = await send('first');
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    const other = await send('second');
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('answers every broken form with a 4xx and a code, and leaves nothing in staging', async () => {
    const offenders: string[] = [];
    for (const body of generateMultipartBodies(29, 36)) {
      const res = await t.http
        .post('/probe-cases/c-1/evidence')
        .set(t.auth('inspector-a1'))
        .set('Content-Type', body.contentType)
        .send(body.payload);
      if (res.status < 400 || res.status >= 500 || typeof res.body?.code !== 'string') {
        offenders.push(`[${body.label}] → ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      }
    }
    expect(offenders).toEqual([]);
    for (let i = 0; i < 100 && staging().length > 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect(staging()).toEqual([]);
  });
});
