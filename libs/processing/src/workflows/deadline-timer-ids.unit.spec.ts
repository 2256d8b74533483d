import { expireTimerId, timerIdPart, warnTimerId } from './deadline-timer-ids';

/** The rule every timer adapter enforces (timers' assertTimerId), restated so this spec imports only core. */
const VALID = (id: string): boolean => /^[A-Za-z0-9._-]{1,200}$/.test(id) && !/^\d+$/.test(id);

describe('deadline timer ids', () => {
  it('keep plain stream names and deadline ids readable', () => {
    expect(expireTimerId('complaintTicket-42', 'answer')).toBe('dl.complaintTicket-42.answer.expire');
    expect(warnTimerId('complaintTicket-42', 'answer', 1)).toBe('dl.complaintTicket-42.answer.warn.1');
  });

  it('sanitise odd and long names into valid ids', () => {
    const ids = [
      expireTimerId('case-税务:42/a b', 'row-3.rectify'),
      warnTimerId('case-a:b', 'x', 0),
      expireTimerId('x'.repeat(300), 'y'.repeat(300)),
    ];
    for (const id of ids) expect(VALID(id)).toBe(true);
  });

  it('keep distinct names distinct after sanitising (a hash of the original is appended)', () => {
    expect(timerIdPart('case-a:b')).not.toBe(timerIdPart('case-a/b'));
    expect(timerIdPart('a.b')).not.toBe('a.b');
    expect(expireTimerId('x-a.b', 'c')).not.toBe(expireTimerId('x-a', 'b.c'));
  });
});
