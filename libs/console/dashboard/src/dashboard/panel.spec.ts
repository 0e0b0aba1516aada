import { ApiError } from '@hearth/console-core';
import { Panel } from './panel';

describe('Panel', () => {
  it('keeps the newest answer when an older one arrives after it', async () => {
    const answers: ((value: string) => void)[] = [];
    const panel = new Panel(() => new Promise<string>((resolve) => answers.push(resolve)));

    const first = panel.load();
    const second = panel.load();
    answers[1]('Aber');
    await second;
    answers[0]('Millbrook');
    await first;

    expect(panel.data()).toBe('Aber');
    expect(panel.loading()).toBe(false);
  });

  it('keeps an ApiError as it is and wraps anything else', async () => {
    const failing = new Panel(() => Promise.reject(new ApiError('FORBIDDEN', 'no')));
    await failing.load();
    expect(failing.error()?.code).toBe('FORBIDDEN');

    const broken = new Panel(() => Promise.reject(new Error('boom')));
    await broken.load();
    expect(broken.error()).toEqual(expect.objectContaining({ code: 'UNKNOWN', message: 'Error: boom' }));
    expect(broken.data()).toBeNull();
  });

  it('forgets the figures, and an answer still on its way, when cleared', async () => {
    let answer!: (value: string) => void;
    const panel = new Panel(() => new Promise<string>((resolve) => (answer = resolve)));
    const load = panel.load();

    panel.clear();
    answer('late');
    await load;

    expect(panel.data()).toBeNull();
    expect(panel.loading()).toBe(false);
  });
});
