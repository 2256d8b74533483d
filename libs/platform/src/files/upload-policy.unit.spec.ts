import { MemoryEventStore } from '@bihuan/event-store';
import { FakeClock } from '@bihuan/testing';
import { PolicyRegistry } from '../policy/policy-registry';
import { checkUploadPolicy, DEFAULT_UPLOAD_POLICY, UploadPolicy, uploadRuleOf, UPLOADS_POLICY_CONTEXT } from './upload-policy';

const admin = { id: 'admin', role: 'admin' as const, unit: 'prov' };

describe('the uploads policy', () => {
  const registry = () => {
    const clock = new FakeClock();
    return new PolicyRegistry(new MemoryEventStore(clock), () => clock.now().toISOString());
  };
  const set = (r: PolicyRegistry, overrides: Record<string, unknown>) =>
    r.set(UPLOADS_POLICY_CONTEXT, DEFAULT_UPLOAD_POLICY, overrides, admin, '市局要求', 'p-1', checkUploadPolicy);

  it('by default admits photos and PDFs of up to 10 MB from the public, and video from inspectors', () => {
    expect(uploadRuleOf(DEFAULT_UPLOAD_POLICY, 'public')).toEqual({
      kinds: ['jpeg', 'png', 'gif', 'webp', 'heic', 'pdf'],
      maxBytes: 10 * 1024 * 1024,
    });
    expect(uploadRuleOf(DEFAULT_UPLOAD_POLICY, 'inspection').kinds).toEqual(expect.arrayContaining(['mp4', 'mp3', 'docx', 'ofd', 'ole']));
    expect(uploadRuleOf(DEFAULT_UPLOAD_POLICY, 'ethics').kinds).not.toContain('mp4');
    expect(() => checkUploadPolicy(DEFAULT_UPLOAD_POLICY)).not.toThrow();
  });

  it('takes a new limit and a list of kinds and groups for one use, the others unchanged', async () => {
    const r = registry();
    const policy = await set(r, { uses: { public: { kinds: ['jpeg', 'pdf', 'ofd'], maxBytes: 5 * 1024 * 1024 } } });
    expect(uploadRuleOf(policy, 'public')).toEqual({ kinds: ['jpeg', 'pdf', 'ofd'], maxBytes: 5 * 1024 * 1024 });
    expect(policy.uses.inspection).toEqual(DEFAULT_UPLOAD_POLICY.uses.inspection);
    expect((await r.current<UploadPolicy>(UPLOADS_POLICY_CONTEXT, DEFAULT_UPLOAD_POLICY)).policyVersion).toBe('uploads@1+r0');
  });

  it.each([
    [{ uses: { public: { kinds: ['images', 'exe'] } } }, 'POLICY.UNKNOWN_FILE_KIND', 'uses.public.kinds[1]'],
    [{ uses: { public: { kinds: ['svg'] } } }, 'POLICY.UNKNOWN_FILE_KIND', 'uses.public.kinds[0]'],
    [{ uses: { public: { kinds: [] } } }, 'POLICY.OUT_OF_RANGE', 'uses.public.kinds'],
    [{ uses: { ethics: { maxBytes: 0 } } }, 'POLICY.OUT_OF_RANGE', 'uses.ethics.maxBytes'],
    [{ uses: { ethics: { maxBytes: 1.5 } } }, 'POLICY.OUT_OF_RANGE', 'uses.ethics.maxBytes'],
    [{ uses: { inspection: { maxBytes: 3 * 1024 * 1024 * 1024 } } }, 'POLICY.OUT_OF_RANGE', 'uses.inspection.maxBytes'],
    [{ uses: { ethics: { maxBytes: -1 } } }, 'POLICY.OUT_OF_RANGE', 'uses.ethics.maxBytes'],
    [{ uses: { visitors: { maxBytes: 1 } } }, 'POLICY.UNKNOWN_SETTING', 'uses.visitors'],
    [{ uses: { public: { kinds: 'images' } } }, 'POLICY.WRONG_TYPE', 'uses.public.kinds'],
  ])('refuses %j with %s naming %s, and records nothing', async (overrides, code, field) => {
    const r = registry();
    await expect(set(r, overrides)).rejects.toMatchObject({ code, details: { field } });
    expect(await r.history(UPLOADS_POLICY_CONTEXT)).toEqual([]);
  });
});
