import { describe, expect, it } from 'vitest';
import { perFileProgress } from './upload';

describe('per-file progress of one multipart upload', () => {
  it('fills the files in order once the framing is sent', () => {
    // 100 bytes of framing and note, then a 1000-byte file and a 500-byte file.
    const sizes = [1000, 500];
    expect(perFileProgress(sizes, 50, 1600)).toEqual([{ loaded: 0, total: 1000 }, { loaded: 0, total: 500 }]);
    expect(perFileProgress(sizes, 600, 1600)).toEqual([{ loaded: 500, total: 1000 }, { loaded: 0, total: 500 }]);
    expect(perFileProgress(sizes, 1350, 1600)).toEqual([{ loaded: 1000, total: 1000 }, { loaded: 250, total: 500 }]);
    expect(perFileProgress(sizes, 1600, 1600)).toEqual([{ loaded: 1000, total: 1000 }, { loaded: 500, total: 500 }]);
  });
});
