import { describe, expect, it } from 'vitest';
import {
  accountTopic,
  chatTopic,
  curatedTopic,
  PUBLIC_LOCAL_TOPIC,
  PUBLIC_TOPIC,
  safetyTopic,
  sessionTopic,
  tagTopic,
  userTopic,
} from './topics';

// Topics are written into the events table and read back on reconnect: their spelling is
// stored data, so a change here must come with a migration.
describe('bus topics', () => {
  it.each([
    [tagTopic('tea'), 'tag:tea'],
    [chatTopic(3), 'chat:3'],
    [sessionTopic('7'), 'session:7'],
    [curatedTopic(7), 'curated:7'],
    [userTopic(12), 'user:12'],
    [accountTopic(12), 'account:12'],
    [safetyTopic(12), 'safety:12'],
    [PUBLIC_TOPIC, 'public'],
    [PUBLIC_LOCAL_TOPIC, 'public:local'],
  ])('%s', (topic, expected) => {
    expect(topic).toBe(expected);
  });
});
