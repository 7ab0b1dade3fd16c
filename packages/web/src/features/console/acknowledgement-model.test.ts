import type { Acknowledgement } from '@hashchat/api/entities/live';
import { describe, expect, it } from 'vitest';
import { mergeAcknowledgements } from './acknowledgement-model';

const entry = (accountId: string, lastStatusId: string) =>
  ({ account: { id: accountId }, statuses_count: 1, last_status: { id: lastStatusId } }) as Acknowledgement;

describe('mergeAcknowledgements', () => {
  it.each<[string, Acknowledgement[], [string, string][], string[]]>([
    ['keeps everyone nobody acknowledged', [entry('1', '10'), entry('2', '11')], [], ['1', '2']],
    ['drops who the host just answered', [entry('1', '10'), entry('2', '11')], [['1', '10']], ['2']],
    ['keeps who posted again since', [entry('1', '12')], [['1', '10']], ['1']],
    ['compares ids as numbers, not text', [entry('1', '9')], [['1', '10']], []],
  ])('%s', (_, fresh, acknowledged, expected) => {
    expect(mergeAcknowledgements(fresh, new Map(acknowledged)).map((e) => e.account.id)).toEqual(expected);
  });
});
