import { settleWithin } from '../../../../src/adapters/slack/settle-within';

describe('settleWithin (answer in the ack when the core is quick enough)', () => {
  it('gives the value when the work finishes in time', async () => {
    await expect(settleWithin(Promise.resolve(['reply']), 1000)).resolves.toEqual({ done: true, value: ['reply'] });
  });

  it('gives up on work that takes longer, leaving it to be awaited later', async () => {
    let finish: (value: string) => void = () => undefined;
    const slow = new Promise<string>((resolve) => {
      finish = resolve;
    });

    await expect(settleWithin(slow, 20)).resolves.toEqual({ done: false });
    finish('late');
    await expect(slow).resolves.toBe('late');
  });

  it('passes on a failure that happens in time', async () => {
    await expect(settleWithin(Promise.reject(new Error('storage down')), 1000)).rejects.toThrow('storage down');
  });
});
