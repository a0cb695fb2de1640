import { describe, expect, it } from 'vitest';
import { DAY } from '../../src/domain/time.ts';
import {
  type Backfill,
  backfillProgress,
  decodeBackfill,
  encodeBackfill,
  loadedBackfill,
} from '../../src/worker/shared/backfill-record.ts';
import { captureLogger } from '../fakes/logger.ts';

const INSTALL = Date.UTC(2026, 10, 20, 9);
const record: Backfill = {
  installedAt: INSTALL,
  since: INSTALL - 30 * DAY,
  position: '{"v":1,"scans":{}}',
  done: false,
  read: 4_000,
  total: 10_012,
  imported: 3_990,
  oldest: Date.UTC(2026, 10, 7, 15),
  finishedAt: null,
};

describe('the first-install import record', () => {
  it('a first install is a store without a HubSpot cursor and without open instances', () => {
    expect(loadedBackfill(undefined, {}, 0)).toBe('first-install');
    expect(loadedBackfill(undefined, { contacts: '{}' }, 0)).toBeNull();
    expect(loadedBackfill(undefined, { 'touches:calls': '{}' }, 0)).toBeNull();
    // A store filled by other means (the bench's warm store): not a first install either.
    expect(loadedBackfill(undefined, {}, 100_000)).toBeNull();
    // An import under way resumes, whatever else the store holds.
    expect(loadedBackfill(encodeBackfill(record), { contacts: '{}' }, 3_990)).toEqual(record);
  });

  it('an unreadable record is logged and imports nothing', () => {
    const log = captureLogger();
    expect(loadedBackfill('{"v":1,"since":"yesterday"}', {}, 0, log.logger)).toBeNull();
    expect(decodeBackfill('not json', log.logger)).toBeNull();
    expect(log.lines().filter((l) => l.msg === 'backfill record unreadable, not importing')).toHaveLength(2);
  });

  it('says how far it got', () => {
    expect(backfillProgress(record)).toBe('4,000 of ~10,012 leads read, 3,990 imported, oldest 2026-11-07');
    expect(backfillProgress({ ...record, total: null, oldest: null })).toBe(
      '4,000 of ? leads read, 3,990 imported',
    );
    expect(backfillProgress({ ...record, done: true, read: 10_020, imported: 10_001 })).toBe(
      '10,020 of 10,020 leads read, 10,001 imported, oldest 2026-11-07',
    );
  });
});
