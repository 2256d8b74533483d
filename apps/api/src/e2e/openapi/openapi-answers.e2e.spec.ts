import { createOpenApiDocument } from '@bihuan/app';
import { DEMO_PASSWORD } from '@bihuan/identity';
import { OpenApiAnswers } from '../../testing/openapi-answers';
import { createTestApp, TestApp } from '../../testing/test-app';

/** The answer checker holds real answers to the document and catches a body that drifted from its DTO. */
describe('OpenAPI answers: real bodies match their schemas', () => {
  let t: TestApp;
  let answers: OpenApiAnswers;
  beforeAll(async () => {
    t = await createTestApp();
    answers = new OpenApiAnswers(createOpenApiDocument(t.app));
  });
  afterAll(() => t.close());

  it('accepts the catalogue and a sign-in as declared', async () => {
    const catalogue = await t.http.get('/catalogue').expect(200);
    expect(answers.problems('GET', '/catalogue', 200, catalogue.body)).toEqual([]);
    const signIn = await t.http.post('/auth/sign-in').send({ username: 'hospital-a1-1', password: DEMO_PASSWORD }).expect(200);
    expect(answers.problems('POST', '/auth/sign-in', signIn.status, signIn.body)).toEqual([]);
  });

  it('holds an error to the one error body', async () => {
    const refused = await t.http.post('/auth/sign-in').send({ username: 'hospital-a1-1' }).expect(400);
    expect(answers.problems('POST', '/auth/sign-in', 400, refused.body)).toEqual([]);
  });

  it('names a field the schema lacks, a missing one and a wrong type', () => {
    const tokens = { accessToken: 'a', refreshToken: 'r', tokenType: 'Bearer', expiresIn: 900, mustChangePassword: false };
    expect(answers.problems('POST', '/auth/sign-in', 200, { ...tokens, extra: 1 }).join()).toMatch(/additional properties/);
    const { accessToken: _dropped, ...missing } = tokens;
    expect(answers.problems('POST', '/auth/sign-in', 200, missing).join()).toMatch(/accessToken/);
    expect(answers.problems('POST', '/auth/sign-in', 200, { ...tokens, expiresIn: 'soon' }).join()).toMatch(/expiresIn/);
    expect(answers.problems('GET', '/no/such/path', 200, {})).toEqual(['/no/such/path: no such path in the OpenAPI document']);
  });
});
