import { categoryOf, idOf, streamName } from './streams';

describe('stream names', () => {
  it('joins a dash-free category and an id, and splits at the first dash', () => {
    const name = streamName('complaintTicket', 'a1-b2');
    expect(name).toBe('complaintTicket-a1-b2');
    expect(categoryOf(name)).toBe('complaintTicket');
    expect(idOf(name)).toBe('a1-b2');
  });

  it('rejects a category with a dash and an empty id', () => {
    expect(() => streamName('complaint-ticket', 'x')).toThrow(/category/);
    expect(() => streamName('finding', '')).toThrow(/empty/);
  });
});
