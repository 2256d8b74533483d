import { createHash } from 'node:crypto';
import { canonicalDrawInputs, checkRevealedDraw, drawCommitment, PublicDrawInputs, RevealedDrawFacts } from './draw-commitment';
import { DRAW_ALGORITHM, DRAW_ALGORITHM_V1, drawInstitutions } from './draw-inspections';

const sm3 = (text: string): string => createHash('sm3').update(text, 'utf8').digest('hex');
const SEED = '5f'.repeat(32);
const inputs: PublicDrawInputs = {
  algorithm: DRAW_ALGORITHM,
  jurisdiction: 'county-b1',
  institutions: [
    { id: 'hosp-b1-2', creditLevel: 'A' },
    { id: 'hosp-b1-1', creditLevel: 'D' },
    { id: 'hosp-b1-3', creditLevel: 'C' },
  ],
  count: 2,
  inspectorsPerVisit: 1,
  weights: { D: 8, C: 4, B: 2, A: 1 },
};
const revealed = (over: Partial<RevealedDrawFacts> = {}): RevealedDrawFacts => ({
  seed: SEED,
  commitment: drawCommitment(SEED, inputs),
  inputs,
  visits: drawInstitutions({ seed: SEED, ...inputs }),
  ...over,
});

describe('draw commitment (commit–reveal, ADR 0018)', () => {
  it('writes the inputs as one canonical text: fixed key order, institutions by id, weights A–D', () => {
    expect(canonicalDrawInputs(inputs)).toBe(
      `{"algorithm":"${DRAW_ALGORITHM}","jurisdiction":"county-b1","institutions":[{"id":"hosp-b1-1","creditLevel":"D"},` +
        '{"id":"hosp-b1-2","creditLevel":"A"},{"id":"hosp-b1-3","creditLevel":"C"}],"count":2,"inspectorsPerVisit":1,' +
        '"weights":{"A":1,"B":2,"C":4,"D":8}}',
    );
    expect(canonicalDrawInputs({ ...inputs, institutions: [...inputs.institutions].reverse() })).toBe(canonicalDrawInputs(inputs));
  });

  it('commits to SM3(seed) and to SM3(seed ‖ 0x1f ‖ inputs), so the inputs digest tells nothing before the seed is out', () => {
    const c = drawCommitment(SEED, inputs);
    expect(c.seedDigest).toBe(sm3(SEED));
    expect(c.inputsDigest).toBe(sm3(`${SEED}\u001f${canonicalDrawInputs(inputs)}`));
    expect(drawCommitment('60'.repeat(32), inputs).inputsDigest).not.toBe(c.inputsDigest);
  });

  it('lets an outsider check a revealed draw, and catches a changed seed, changed inputs or a changed result', () => {
    expect(checkRevealedDraw(revealed())).toEqual({ seedMatches: true, inputsMatch: true, resultMatches: true });
    const otherSeed = '60'.repeat(32);
    // A seed swapped after the fact: neither digest matches, even if the result is re-run from it.
    expect(checkRevealedDraw(revealed({ seed: otherSeed, visits: drawInstitutions({ seed: otherSeed, ...inputs }) }))).toEqual({
      seedMatches: false,
      inputsMatch: false,
      resultMatches: true,
    });
    const fewer = { ...inputs, institutions: inputs.institutions.slice(0, 2) };
    expect(checkRevealedDraw(revealed({ inputs: fewer }))).toMatchObject({ seedMatches: true, inputsMatch: false });
    const [first, second] = revealed().visits;
    expect(checkRevealedDraw(revealed({ visits: [second!, first!] }))).toMatchObject({ resultMatches: false });
    expect(checkRevealedDraw(revealed({ inputs: { ...inputs, count: 9 } })).resultMatches).toBe(false);
    expect(checkRevealedDraw(revealed({ inputs: { ...inputs, algorithm: DRAW_ALGORITHM_V1 } })).resultMatches).toBe(false);
  });
});
