import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeServer, json, renderPage } from '../test/helpers';
import { UploadPage } from './UploadPage';

/** An XMLHttpRequest the test drives: upload progress events, then the answer. */
class FakeXhr {
  static last: FakeXhr | null = null;
  upload: { onprogress: ((e: ProgressEvent) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | null = null;
  withCredentials = false;
  open(method: string, url: string) { this.method = method; this.url = url; }
  setRequestHeader(name: string, value: string) { this.headers[name] = value; }
  getResponseHeader(name: string) { return name === 'Retry-After' ? this.retryAfter : null; }
  retryAfter: string | null = null;
  send(body: FormData) { this.body = body; FakeXhr.last = this; }
  abort() { this.onabort?.(); }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total } as ProgressEvent);
  }
  respond(status: number, body: unknown, retryAfter?: string) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.retryAfter = retryAfter ?? null;
    this.onload?.();
  }
}

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.readAsText(blob);
  });
}

function page() {
  fakeServer({ 'GET /api/catalog/webinars': () => json({ items: [], page: 0, size: 100, total: 0 }) });
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  return renderPage([
    { path: '/notes/new', element: <UploadPage /> },
    { path: '/notes/:id', element: <p>note page</p> },
  ], '/notes/new');
}

async function fillMetadata() {
  await userEvent.type(await screen.findByLabelText(/^Title/), 'At the farmers market');
  await userEvent.type(screen.getByLabelText(/^Place/), 'Farmers market');
  await userEvent.type(screen.getByLabelText(/^Facilitator/), 'Alex Moreno');
}

afterEach(() => { FakeXhr.last = null; });

describe('note upload', () => {
  it('refuses a file of the wrong type or size before sending anything', async () => {
    page();
    const input = await screen.findByLabelText('Or choose files');
    const exe = new File(['MZ'], 'setup.exe', { type: 'application/x-msdownload' });
    const huge = new File(['x'], 'big.pdf', { type: 'application/pdf' });
    Object.defineProperty(huge, 'size', { value: 101 * 1024 * 1024 });
    await userEvent.upload(input, [exe, huge], { applyAccept: false });
    const files = screen.getByRole('group', { name: 'Files' });
    expect(within(files).getByText('This type of file is not accepted.')).toBeInTheDocument();
    expect(within(files).getByText('This file is larger than 100 MB.')).toBeInTheDocument();
    await fillMetadata();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(FakeXhr.last).toBeNull();
  });

  it('needs the notes text when no file comes along', async () => {
    page();
    await fillMetadata();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    expect(screen.getByLabelText(/^Notes/)).toHaveAccessibleDescription(expect.stringContaining('Write the notes or attach a file.'));
    expect(FakeXhr.last).toBeNull();
  });

  it('shows a progress bar per file that moves with the bytes sent, then opens the note', async () => {
    const { router } = page();
    const input = await screen.findByLabelText('Or choose files');
    const pdf = new File(['%PDF-1.4 '.repeat(100)], 'notes.pdf', { type: 'application/pdf' });
    const txt = new File(['hello '.repeat(50)], 'more.txt', { type: 'text/plain' });
    await userEvent.upload(input, [pdf, txt]);
    await fillMetadata();
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));

    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    const xhr = FakeXhr.last!;
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/notes');
    const note = JSON.parse(await readText(xhr.body!.get('note') as Blob));
    expect(note).toMatchObject({ title: 'At the farmers market', visibility: 'cohort' });
    expect((xhr.body!.getAll('files') as File[]).map((f) => f.name)).toEqual(['notes.pdf', 'more.txt']);

    const pdfBar = screen.getByRole('progressbar', { name: 'Upload of notes.pdf' });
    const txtBar = screen.getByRole('progressbar', { name: 'Upload of more.txt' });
    const overhead = 200;
    const total = overhead + pdf.size + txt.size;
    act(() => xhr.progress(overhead + pdf.size / 2, total));
    expect(pdfBar).toHaveAttribute('value', '50');
    expect(txtBar).toHaveAttribute('value', '0');
    act(() => xhr.progress(overhead + pdf.size + txt.size / 2, total));
    expect(pdfBar).toHaveAttribute('value', '100');
    expect(txtBar).toHaveAttribute('value', '50');
    act(() => xhr.progress(total, total));
    expect(screen.getByRole('status')).toHaveTextContent('All files sent');

    act(() => xhr.respond(201, { id: 'n-9' }));
    await waitFor(() => expect(router.state.location.pathname).toBe('/notes/n-9'));
  });

  it('puts the server field errors next to the fields and keeps the form', async () => {
    page();
    await fillMetadata();
    await userEvent.type(screen.getByLabelText(/^Notes/), 'Aspirations: a safer walk to school.');
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    act(() => FakeXhr.last!.respond(400, {
      title: 'Invalid request', status: 400, errors: [{ field: 'place', message: 'must not be blank' }],
    }));
    await waitFor(() => expect(screen.getByLabelText(/^Place/)).toHaveAccessibleDescription('must not be blank'));
    expect(screen.getByLabelText(/^Title/)).toHaveValue('At the farmers market');
  });

  it('says when to try again after a 429', async () => {
    page();
    await fillMetadata();
    await userEvent.type(screen.getByLabelText(/^Notes/), 'Text.');
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    await waitFor(() => expect(FakeXhr.last).not.toBeNull());
    act(() => FakeXhr.last!.respond(429, { title: 'Too Many Requests', status: 429 }, '30'));
    expect(await screen.findByRole('alert')).toHaveTextContent('You can try again in 30 seconds.');
  });
});
