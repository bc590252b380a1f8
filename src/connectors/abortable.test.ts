import { describe, expect, it, vi } from 'vitest';
import { abortable } from './abortable.ts';

describe('abortable', () => {
  it('passes the result through when nothing aborts', async () => {
    const cancel = vi.fn();
    expect(await abortable(Promise.resolve(42), new AbortController().signal, cancel)).toBe(42);
    expect(cancel).not.toHaveBeenCalled();
  });

  it('rejects with the reason and cancels the work when the signal aborts first', async () => {
    const controller = new AbortController();
    const cancel = vi.fn();
    const pending = abortable(new Promise<never>(() => undefined), controller.signal, cancel);
    controller.abort(new Error('stop'));
    await expect(pending).rejects.toThrow('stop');
    expect(cancel).toHaveBeenCalledOnce();
  });

  it('cancels at once when the signal is already aborted', async () => {
    const cancel = vi.fn();
    await expect(abortable(Promise.resolve(1), AbortSignal.abort(new Error('gone')), cancel)).rejects.toThrow(
      'gone',
    );
    expect(cancel).toHaveBeenCalledOnce();
  });
});
