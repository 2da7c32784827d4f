import { describe, expect, it } from 'vitest';
import { TALK_KINDS, TRACK_LABELS, trackLabel } from '../../src/lib/format';

describe('labels', () => {
  it('names a track the same way in search and on the paper page', () => {
    expect(TRACK_LABELS.workshop).toBe('Workshop track');
    expect(trackLabel('conference', 'ICLR 2016')).toBe('ICLR 2016 conference track');
    expect(trackLabel('workshop', 'ICLR 2016')).toBe('ICLR 2016 workshop track');
    expect(trackLabel('other', 'ICLR 2016')).toBe('Not a paper of ICLR 2016');
    expect(TALK_KINDS['paper-talk']).toBe('Paper talk');
  });
});
