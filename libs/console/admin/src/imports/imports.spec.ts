import { TestBed } from '@angular/core/testing';
import { Router } from '@angular/router';
import { ApiError } from '@hearth/console-core';
import { ImportKindListDocument, ImportRunDetailDocument, ImportRunListDocument, ImportStartDocument, type ImportRunDetailQuery, type ImportRunSummaryFragment } from '../graphql.generated';
import { ABER, all, button, cells, configure, fakeApi, render, settle, signIn, text, useLanguage, type FakeApi } from '@hearth/console-core/testing';
import { FileUploadService } from './file-upload.service';
import { ImportListComponent } from './import-list/import-list.component';
import { ImportRunComponent } from './import-run/import-run.component';
import { POLL_INTERVAL_MS } from './import-run.store';
import { NewImportComponent } from './new-import/new-import.component';

function run(overrides: Partial<ImportRunSummaryFragment> = {}): ImportRunSummaryFragment {
  return {
    id: 'run-1',
    kind: 'people',
    status: 'SUCCEEDED',
    createdAt: '2030-05-01T09:30:00Z',
    finishedAt: '2030-05-01T09:30:05Z',
    startedBy: 'Sam Patel',
    errorCount: 0,
    file: { id: 'file-1', name: 'people.csv', size: 1200 },
    progress: { rowsStaged: 3, rowsValidated: 3, rowsApplied: 3 },
    counts: { inserted: 3, updated: 0, unchanged: 1 },
    ...overrides,
  };
}

function detail(overrides: Partial<ImportRunSummaryFragment> = {}, problems: { line: number | null; column: string | null; reason: string }[] = []) {
  return {
    importRun: {
      ...run(overrides),
      startedAt: '2030-05-01T09:30:01Z',
      errors: {
        totalCount: problems.length,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: problems.map((node) => ({ node })),
      },
    },
  } satisfies ImportRunDetailQuery;
}

describe('imports', () => {
  let api: FakeApi;
  const upload = jest.fn();

  beforeEach(() => {
    api = fakeApi();
    upload.mockReset();
    configure(api, [{ provide: FileUploadService, useValue: { upload } }]);
    signIn(['tenant-admin']);
  });

  describe('the list of runs', () => {
    it('shows each run newest first with its kind, status and counts, paged on the server', async () => {
      api.answer(ImportRunListDocument, () => ({
        importRuns: {
          totalCount: 2,
          pageInfo: { hasNextPage: false, endCursor: 'c2' },
          edges: [
            { node: run() },
            { node: run({ id: 'run-0', kind: 'tenancies', status: 'FAILED', errorCount: 2, counts: null, file: { id: 'f', name: 'bad.csv', size: 10 } }) },
          ],
        },
      }));
      const fixture = await render(ImportListComponent);

      expect(api.api.query).toHaveBeenCalledWith(ImportRunListDocument, { first: 25, after: null });
      const rows = all(fixture, 'tbody tr').map((row) => row.textContent!.replace(/\s+/g, ' ').trim());
      expect(rows[0]).toContain('people.csv');
      expect(rows[0]).toContain('People');
      expect(rows[0]).toContain('Succeeded');
      expect(rows[0]).toContain('3 added, 0 updated, 1 unchanged');
      expect(rows[1]).toContain('Tenancies');
      expect(rows[1]).toContain('Failed');
      expect(rows[1]).toContain('2 problems, nothing changed');
      expect(text(fixture, 'hearth-pager')).toContain('1–2 of 2');
    });

    it('says when there are no imports, and shows a failure to load', async () => {
      api.answer(ImportRunListDocument, () => ({ importRuns: { totalCount: 0, pageInfo: { hasNextPage: false, endCursor: null }, edges: [] } }));
      const empty = await render(ImportListComponent);
      expect(text(empty, '[data-testid="imports-empty"]')).toBe('No imports yet. Start one with “New import”.');

      api.fail(ImportRunListDocument as never, new ApiError('FORBIDDEN', 'no'));
      const failed = await render(ImportListComponent);
      expect(text(failed, 'hearth-api-error')).toBe('You do not have permission to see this.');
    });

    it('speaks Welsh, and calls tenancies occupation contracts for a Welsh member', async () => {
      signIn(['tenant-admin'], ABER);
      useLanguage('cy');
      api.answer(ImportRunListDocument, () => ({
        importRuns: { totalCount: 1, pageInfo: { hasNextPage: false, endCursor: null }, edges: [{ node: run({ kind: 'tenancies' }) }] },
      }));
      const fixture = await render(ImportListComponent);
      expect(text(fixture, 'h1')).toBe('Mewnforion');
      expect(text(fixture, 'tbody')).toContain('Contractau meddiannaeth');
      expect(text(fixture, 'tbody')).toContain('Llwyddodd');
      expect(text(fixture, 'tbody')).toContain('3 wedi’u hychwanegu');
    });
  });

  describe('a new import', () => {
    const KINDS = {
      importKinds: [
        {
          kind: 'people',
          module: 'tenancies',
          description: 'Tenants and their households.',
          enabled: true,
          columns: [
            { name: 'reference', required: true, type: 'text', description: 'The person’s id there.', values: null },
            { name: 'preferred_language', required: false, type: 'text', description: 'English when blank.', values: ['en', 'cy'] },
          ],
        },
        { kind: 'payments', module: 'rent', description: 'Payments received.', enabled: false, columns: [] },
      ],
    };

    async function chooseKind(fixture: Awaited<ReturnType<typeof render>>, kind: string) {
      (fixture.componentInstance as unknown as { store: { chooseKind(kind: string): void } }).store.chooseKind(kind);
      await settle(fixture);
    }

    function chooseFile(fixture: Awaited<ReturnType<typeof render>>) {
      const input = fixture.nativeElement.querySelector('input[type="file"]') as HTMLInputElement;
      const file = new File(['reference\n1\n'], 'people.csv', { type: 'text/csv' });
      Object.defineProperty(input, 'files', { value: [file] });
      input.dispatchEvent(new Event('change'));
      return file;
    }

    it('shows the documented columns of the kind chosen', async () => {
      api.answer(ImportKindListDocument, () => KINDS);
      const fixture = await render(NewImportComponent);
      await chooseKind(fixture, 'people');

      expect(text(fixture, '#columns-heading')).toBe('Columns of a file of People');
      const rows = cells(fixture, '[data-testid="import-columns"]');
      expect(rows[0]).toEqual(['reference', 'Yes', 'Text', 'The person’s id there.']);
      expect(rows[1][3]).toContain('Allowed values: en, cy');
    });

    it('asks for a kind and a file before uploading anything', async () => {
      api.answer(ImportKindListDocument, () => KINDS);
      const fixture = await render(NewImportComponent);
      button(fixture, 'Upload and import').click();
      await settle(fixture);
      expect(text(fixture, '.field-error')).toBe('Choose what the file holds.');

      await chooseKind(fixture, 'people');
      button(fixture, 'Upload and import').click();
      await settle(fixture);
      expect(text(fixture, '#import-file-problem')).toBe('Choose a CSV file.');
      expect(upload).not.toHaveBeenCalled();
    });

    it('uploads the file, starts its import and opens the run', async () => {
      api.answer(ImportKindListDocument, () => KINDS);
      api.answer(ImportStartDocument, () => ({ startImport: { __typename: 'ImportStarted' as const, run: { id: 'run-9', status: 'QUEUED' as const } } }));
      upload.mockResolvedValue({ id: 'file-9', name: 'people.csv', size: 12 });
      const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
      const fixture = await render(NewImportComponent);
      await chooseKind(fixture, 'people');
      const file = chooseFile(fixture);

      button(fixture, 'Upload and import').click();
      await settle(fixture);
      expect(upload).toHaveBeenCalledWith(file);
      expect(api.api.mutate).toHaveBeenCalledWith(ImportStartDocument, { fileId: 'file-9', kind: 'people' });
      expect(navigate).toHaveBeenCalledWith(['..', 'run-9'], expect.anything());
    });

    it('says in words why the upload or the start was refused', async () => {
      api.answer(ImportKindListDocument, () => KINDS);
      api.answer(ImportStartDocument, () => ({ startImport: { __typename: 'ImportModuleDisabled' as const, code: 'MODULE_DISABLED', message: 'off' } }));
      upload.mockRejectedValueOnce(new ApiError('PAYLOAD_TOO_LARGE', 'The file is over 100 MB, the most Hearth accepts'));
      const fixture = await render(NewImportComponent);
      await chooseKind(fixture, 'people');
      chooseFile(fixture);

      button(fixture, 'Upload and import').click();
      await settle(fixture);
      expect(text(fixture, '#import-file-problem')).toBe('The file could not be uploaded: The file is over 100 MB, the most Hearth accepts');

      upload.mockResolvedValue({ id: 'file-9', name: 'people.csv', size: 12 });
      button(fixture, 'Upload and import').click();
      await settle(fixture);
      expect(text(fixture, '[data-testid="start-refused"]')).toBe('The module that keeps these records is switched off for your organisation.');
    });
  });

  describe('one run', () => {
    afterEach(() => jest.useRealTimers());

    it('polls while the run is queued or running, with its progress, until it succeeds', async () => {
      const answers = [
        detail({ status: 'QUEUED', counts: null, progress: { rowsStaged: 0, rowsValidated: 0, rowsApplied: 0 } }),
        detail({ status: 'RUNNING', counts: null, progress: { rowsStaged: 4, rowsValidated: 2, rowsApplied: 0 } }),
        detail(),
      ];
      api.answer(ImportRunDetailDocument, () => answers.shift()!);
      jest.useFakeTimers({ doNotFake: ['queueMicrotask', 'nextTick', 'setImmediate'] });
      const fixture = TestBed.createComponent(ImportRunComponent);
      fixture.componentRef.setInput('id', 'run-1');
      const step = async () => {
        fixture.detectChanges();
        await jest.advanceTimersByTimeAsync(0);
        fixture.detectChanges();
      };
      await step();
      expect(text(fixture, '[data-testid="run-progress"]')).toBe('Waiting for the import to start…');
      expect(fixture.nativeElement.querySelector('mat-progress-bar[mode="determinate"]').getAttribute('aria-valuenow')).toBe('0');

      await jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
      await step();
      expect(text(fixture, '[data-testid="run-progress"]')).toBe('Rows read: 4. Checked: 2. Applied: 0.');
      expect(fixture.nativeElement.querySelector('mat-progress-bar[mode="determinate"]').getAttribute('aria-valuenow')).toBe('50');

      await jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS);
      await step();
      expect(text(fixture, '[data-testid="count-inserted"]')).toBe('3');
      expect(text(fixture, '[data-testid="count-unchanged"]')).toBe('1');

      await jest.advanceTimersByTimeAsync(POLL_INTERVAL_MS * 5);
      expect(api.api.query).toHaveBeenCalledTimes(3);
    });

    it('shows a failed run’s every problem with line, column and reason, and that nothing changed', async () => {
      api.answer(ImportRunDetailDocument, () =>
        detail({ status: 'FAILED', counts: null, errorCount: 2 }, [
          { line: 3, column: 'given_name', reason: 'given_name is required' },
          { line: null, column: null, reason: 'The file has no header row' },
        ]),
      );
      const fixture = await render(ImportRunComponent, { id: 'run-1' });

      expect(text(fixture, 'h1')).toBe('Import of people.csv');
      expect(text(fixture, '#failed-heading')).toBe('The import failed, and nothing was changed');
      expect(text(fixture, '[data-testid="run-failed"] [role="status"]')).toContain('The file has 2 problems. Nothing in Hearth was changed.');
      expect(cells(fixture, '[data-testid="run-problems"]')).toEqual([
        ['3', 'given_name', 'given_name is required'],
        ['Whole file', '', 'The file has no header row'],
      ]);
      expect(api.api.query).toHaveBeenCalledWith(ImportRunDetailDocument, { id: 'run-1', first: 50, after: null });
    });

    it('says so in Welsh', async () => {
      useLanguage('cy');
      api.answer(ImportRunDetailDocument, () => detail({ status: 'FAILED', counts: null, errorCount: 1 }, [{ line: 2, column: 'email', reason: 'bad' }]));
      const fixture = await render(ImportRunComponent, { id: 'run-1' });
      expect(text(fixture, '#failed-heading')).toBe('Methodd y mewnforio, ac ni newidiwyd dim');
      expect(all(fixture, '[data-testid="run-problems"] thead th').map((th) => th.textContent!.trim())).toEqual(['Llinell', 'Colofn', 'Rheswm']);
    });

    it('says when there is no such run', async () => {
      api.answer(ImportRunDetailDocument, () => ({ importRun: null }));
      const fixture = await render(ImportRunComponent, { id: 'nope' });
      expect(text(fixture, '.empty')).toBe('There is no import with this id for your organisation.');
    });
  });
});
