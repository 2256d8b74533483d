import { Actor, Reader } from '@bihuan/core';
import { DeciderSpecification } from '@bihuan/testing';
import { command, system, T0 } from '../testing/credit-test-fixtures';
import { checkRevealedDraw } from '../domain/draw/draw-commitment';
import { evolveRandomDraw, initialRandomDrawState, randomDrawDecider, RandomDrawState } from '../domain/draw/random-draw.decider';
import { DrawMade, RandomDrawCommand, RandomDrawEvent } from '../domain/draw/random-draw.messages';
import { drawDocument, publicDrawDocument } from './draw-document';

const spec = DeciderSpecification(randomDrawDecider());
const SEED = '7e'.repeat(32);
const commit = command<RandomDrawCommand>('CommitRandomDraw', {
  drawId: 'D1',
  jurisdiction: 'city',
  seed: SEED,
  institutions: [
    { id: 'H1', creditLevel: 'A' as const },
    { id: 'H2', creditLevel: 'D' as const },
  ],
  inspectors: [
    { id: 'insp-1', unit: 'city', conflicts: ['H2'] },
    { id: 'I2', unit: 'city', conflicts: ['H1'] },
    { id: 'I3', unit: 'city', conflicts: [] },
  ],
  count: 1,
  inspectorsPerVisit: 1,
  plannedDate: '2025-06-15',
  campaignId: 'CAMPAIGN-9',
});
const committed = spec.given([]).when(commit).events();
const made = spec
  .given(committed)
  .when(command<RandomDrawCommand>('MakeRandomDraw', { drawId: 'D1' }, system))
  .events();
const [visit] = (made[0] as DrawMade).data.visits;
const revealed = spec
  .given([...committed, ...made])
  .when(
    command<RandomDrawCommand>('RevealRandomDraw', {
      drawId: 'D1',
      visits: [{ institutionId: visit!.institutionId, visitId: 'V1', outcome: 'conducted' }],
    }),
  )
  .events();
const fold = (events: readonly RandomDrawEvent[]): RandomDrawState => events.reduce(evolveRandomDraw, initialRandomDrawState);
const reader = (actor: Actor): Reader => ({ actor, covers: () => true });

describe('the public draw document (一公开)', () => {
  it('shows only the commitment until the draw is revealed: no seed, date, campaign or institution', () => {
    for (const events of [committed, [...committed, ...made]]) {
      const doc = publicDrawDocument(fold(events))!;
      expect(doc).toEqual({
        drawId: 'D1',
        jurisdiction: 'city',
        status: 'committed',
        commitment: { seedDigest: expect.any(String), inputsDigest: expect.any(String), committedAt: T0 },
        seed: null,
        algorithm: null,
        inputs: null,
        visits: null,
        plannedDate: null,
        campaignId: null,
        revealedAt: null,
      });
    }
  });

  it('shows, once revealed, what an outsider needs to check it — and never the inspectors', () => {
    const doc = publicDrawDocument(fold([...committed, ...made, ...revealed]))!;
    expect(doc).toMatchObject({
      status: 'revealed',
      seed: SEED,
      campaignId: 'CAMPAIGN-9',
      visits: [{ institutionId: visit!.institutionId, rank: 1 }],
    });
    const facts = {
      seed: doc.seed!,
      commitment: doc.commitment!,
      inputs: { ...doc.inputs!, algorithm: doc.algorithm!, jurisdiction: doc.jurisdiction },
      visits: doc.visits!,
    };
    expect(checkRevealedDraw(facts)).toEqual({ seedMatches: true, inputsMatch: true, resultMatches: true });
    for (const hidden of ['insp-1', 'I2', 'I3', 'inspectorIds', 'conflicts']) expect(JSON.stringify(doc)).not.toContain(hidden);
  });

  it('does not know a draw that was never committed nor published', () => {
    expect(publicDrawDocument(initialRandomDrawState)).toBeNull();
  });
});

describe('the staff draw document', () => {
  it('has no seed before the reveal, and gives an inspector their own conflicts only', () => {
    const doc = drawDocument(reader({ id: 'insp-1', role: 'inspector', unit: 'city' }), fold([...committed, ...made]))!;
    expect(doc).toMatchObject({ status: 'drawn', seed: null, visits: (made[0] as DrawMade).data.visits, visitOutcomes: null });
    expect(doc.inputs.inspectors.map((i) => [i.id, i.conflicts])).toEqual([
      ['insp-1', ['H2']],
      ['I2', null],
      ['I3', null],
    ]);
    expect(JSON.stringify(doc)).not.toContain(SEED);
    const byLeader = drawDocument(reader({ id: 'leader-1', role: 'leader', unit: 'city' }), fold([...committed, ...made, ...revealed]))!;
    expect(byLeader).toMatchObject({ status: 'revealed', seed: SEED, visitOutcomes: [{ visitId: 'V1', outcome: 'conducted' }] });
    expect(byLeader.inputs.inspectors.map((i) => i.conflicts)).toEqual([['H2'], ['H1'], []]);
  });
});
