import { describe, expect, it } from 'vitest';
import { ApiError, parseRetryAfter, problemOf } from './problem';

describe('problem+json', () => {
  it('reads title, detail, field errors and the request id', async () => {
    const response = new Response(JSON.stringify({
      title: 'Invalid request', status: 400, detail: 'One or more fields are invalid.', requestId: 'r-1',
      errors: [{ field: 'slug', message: 'must be lower-case' }],
    }), { status: 400, headers: { 'Content-Type': 'application/problem+json' } });
    const error = await problemOf(response);
    expect(error.status).toBe(400);
    expect(error.title).toBe('Invalid request');
    expect(error.requestId).toBe('r-1');
    expect(error.fieldMessage('slug')).toBe('must be lower-case');
    expect(error.fieldMessage('title')).toBeUndefined();
  });

  it('survives a body that is not JSON', async () => {
    const error = await problemOf(new Response('<html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    expect(error.status).toBe(502);
    expect(error.errors).toEqual([]);
  });

  it('reads Retry-After as seconds or as a date', () => {
    expect(parseRetryAfter('7')).toBe(7);
    const now = Date.parse('2026-11-20T10:00:00Z');
    expect(parseRetryAfter('Fri, 20 Nov 2026 10:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
  });

  it('a lost connection is status 0', () => {
    expect(new ApiError(0).isNetwork).toBe(true);
    expect(new ApiError(404).isNetwork).toBe(false);
  });
});
