import { idNamespace, seededUuid } from './dataset-ids';

const UUID_V8 = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('seededUuid', () => {
  it('is the same for the same namespace and sequence, and a version 8 RFC 9562 uuid', () => {
    expect(seededUuid('hearth-seed/v1/1/3/2000/1/dwelling', 42)).toBe(seededUuid('hearth-seed/v1/1/3/2000/1/dwelling', 42));
    expect(seededUuid('hearth-seed/v1/1/3/2000/1/dwelling', 42)).toMatch(UUID_V8);
  });

  it('differs between namespaces and sequences', () => {
    const ids = new Set([seededUuid('a', 1), seededUuid('a', 2), seededUuid('b', 1), seededUuid('b', 2)]);
    expect(ids.size).toBe(4);
  });

  it('ascends with the sequence within a namespace, so bulk inserts append to the index', () => {
    const ids = [1, 2, 15, 16, 255, 256, 70_000].map((n) => seededUuid('a', n));
    expect(ids).toEqual([...ids].sort());
  });

  it('keeps every namespace inside 48 bits, whatever its offset', () => {
    expect(idNamespace('a').offset).toBeLessThan(2 ** 47);
    expect(() => seededUuid('a', 2 ** 47)).toThrow(RangeError);
    expect(() => seededUuid('a', -1)).toThrow(RangeError);
  });
});
