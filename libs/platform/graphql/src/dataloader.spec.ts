import { HearthContext, hearthContext } from '@hearth/platform-database';
import { requestLoader } from './dataloader';

describe('requestLoader', () => {
  it('batches the loads of one unit of work into one call', async () => {
    const batches: string[][] = [];
    const batch = async (keys: readonly string[]) => {
      batches.push([...keys]);
      return keys.map((k) => k.toUpperCase());
    };
    const values = await hearthContext.run(new HearthContext(), () =>
      Promise.all(['a', 'b', 'a'].map((key) => requestLoader<string, string>('letters', batch).load(key))),
    );
    expect(values).toEqual(['A', 'B', 'A']);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('never shares a cache between units of work', async () => {
    let calls = 0;
    const batch = async (keys: readonly string[]) => {
      calls += 1;
      return keys.map(() => calls);
    };
    const first = await hearthContext.run(new HearthContext(), () => requestLoader<string, number>('n', batch).load('k'));
    const second = await hearthContext.run(new HearthContext(), () => requestLoader<string, number>('n', batch).load('k'));
    expect([first, second]).toEqual([1, 2]);
  });

  it('refuses to work outside a unit of work, saying how to fix it', () => {
    expect(() => requestLoader('x', async () => [])).toThrow(/No Hearth context/);
  });
});
