import { describe, expect, it } from 'vitest';
import { eventChannels, requestChannels } from '../../shared/contract';
import { eventChannelNames, requestChannelNames } from './ipc-channels';

describe('preload channel lists', () => {
  it('match the contract exactly', () => {
    expect([...requestChannelNames].sort()).toEqual([...requestChannels].sort());
    expect([...eventChannelNames].sort()).toEqual([...eventChannels].sort());
  });
});
