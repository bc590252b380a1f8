import { describe, expect, it } from 'vitest';
import { parseAgentDirectory } from './parse-agent-directory.ts';

const KEY = 'jkX15E7+NA/0E7K5YAp7+GndMP6/Fa0dJJYyr1GJPoQ=';

describe('agent directory documents', () => {
  it('reads a list, {agents}, or a map by id, with Base64 or hex keys and the live misspelling', () => {
    const hex = Buffer.from(KEY, 'base64').toString('hex');
    const list = parseAgentDirectory([{ id: 'A_1', verify_key: KEY, supported_verfications: ['email'] }]);
    expect(list.agents[0]).toMatchObject({
      id: 'A_1',
      name: 'A_1',
      verifyKey: KEY,
      supportedVerifications: ['email'],
    });
    expect(parseAgentDirectory({ agents: [{ id: 'A_2', verify_key: hex }] }).agents[0]?.verifyKey).toBe(KEY);
    expect(parseAgentDirectory({ A_3: { name: 'Three', verify_key: KEY } }).agents[0]).toMatchObject({
      id: 'A_3',
      name: 'Three',
    });
  });

  it('skips unusable entries and says why', () => {
    const parsed = parseAgentDirectory([
      { id: 'ok', verify_key: KEY },
      { id: 'short', verify_key: 'AAAA' },
      { id: 'bad id!', verify_key: KEY },
      'nonsense',
    ]);
    expect(parsed.agents.map((a) => a.id)).toEqual(['ok']);
    expect(parsed.issues.map((i) => i.index)).toEqual([1, 2, 3]);
  });
});
