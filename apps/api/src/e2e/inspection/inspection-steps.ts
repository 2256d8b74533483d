import { onePixelPng, uploadEvidence } from '../../testing/evidence-upload';
import { TestApp } from '../../testing/test-app';

/** Step helpers for the inspection e2e tests: each asserts its own HTTP status and returns the body. */
export interface Steps {
  visit(opts?: { institutionId?: string; kind?: string; by?: string; campaignId?: string }): Promise<string>;
  finding(visitId: string, body?: Record<string, unknown>, by?: string): Promise<string>;
  post(user: string, path: string, body?: object, status?: number): Promise<Record<string, unknown>>;
  get(user: string, path: string, status?: number): Promise<Record<string, unknown>>;
  /** Uploads a small PNG to the finding as `user` (201) and answers its digest, for a step to cite. */
  evidence(user: string, findingId: string, shade?: number): Promise<string>;
  /** Notice → plan → progress → sign-off request, as the hospital of the finding's institution (citing an uploaded photo). */
  rectify(findingId: string, hospital?: string): Promise<void>;
  head(): Promise<number | null>;
}

export const FINDING = {
  category: 'red-envelopes',
  severity: 'general',
  description: '外科病房医生收受患者红包',
  evidence: ['att-1'],
  responsibleDepartment: '外科',
  responsiblePerson: '张主任',
  requiredAction: 'deadline',
};

export function steps(t: TestApp): Steps {
  const post = async (user: string, path: string, body: object = {}, status = 200) => {
    const res = await t.http.post(path).set(t.auth(user)).send(body);
    if (res.status !== status)
      throw new Error(`POST ${path} as ${user}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const get = async (user: string, path: string, status = 200) => {
    const res = await t.http.get(path).set(t.auth(user));
    if (res.status !== status) throw new Error(`GET ${path} as ${user}: expected ${status}, got ${res.status} ${JSON.stringify(res.body)}`);
    return res.body as Record<string, unknown>;
  };
  const evidence = async (user: string, findingId: string, shade?: number): Promise<string> => {
    const ack = await uploadEvidence(t, user, `/findings/${findingId}/evidence`, { file: onePixelPng(shade), name: '整改照片.png' });
    return (ack['file'] as { digest: string }).digest;
  };
  return {
    post,
    get,
    async visit({ institutionId = 'hosp-a1-1', kind = 'unannounced', by = 'inspector-a1', campaignId } = {}) {
      const plannedDate = t.clock.now().toISOString().slice(0, 10);
      const planned = await post(by, '/visits', { kind, institutionId, plannedDate, ...(campaignId ? { campaignId } : {}) }, 201);
      await post(by, `/visits/${String(planned['id'])}/record`, { conductedOn: plannedDate, summary: '暗访门诊、住院部' });
      return String(planned['id']);
    },
    async finding(visitId, body = {}, by = 'inspector-a1') {
      return String((await post(by, `/visits/${visitId}/findings`, { ...FINDING, ...body }, 201))['id']);
    },
    evidence,
    async rectify(findingId, hospital = 'hospital-a1-1') {
      await post('inspector-a1', `/findings/${findingId}/notice`, { noticeNo: '整改〔2025〕1号' });
      await post(hospital, `/findings/${findingId}/plan`, { measures: '全院警示教育，签订廉洁承诺书' });
      const photo = await evidence(hospital, findingId);
      await post(hospital, `/findings/${findingId}/progress`, { summary: '已召开警示教育会', evidence: [photo], percentComplete: 80 });
      await post(hospital, `/findings/${findingId}/sign-off-request`, { summary: '整改完成', evidence: [photo] });
    },
    head: () => t.store.headPosition(),
  };
}
