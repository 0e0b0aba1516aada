import { TestBed } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { Router } from '@angular/router';
import { AdoptionsComponent } from './adoptions/adoptions.component';
import { ConfigurationContentComponent } from './content/configuration-content.component';
import { CopyDialogComponent, type CopyDialogData } from './copy-dialog/copy-dialog.component';
import { DetailComponent } from './detail/detail.component';
import {
  ConfigurationAdoptionListDocument,
  SharedConfigurationAdoptDocument,
  SharedConfigurationDetailDocument,
  SharedConfigurationDraftDocument,
  SharedConfigurationKindsDocument,
  SharedConfigurationLibraryDocument,
  SharedConfigurationPreviewDocument,
  SharedConfigurationPublishDocument,
  type SharedConfigurationDetailQuery,
  type SharedConfigurationLibraryQuery,
  type SharedConfigurationPreviewQuery,
} from './graphql.generated';
import { LibraryComponent } from './library/library.component';
import { nextVersion, PublishComponent } from './publish/publish.component';
import { ABER, all, button, cells, configure, fakeApi, render, settle, signIn, text, type, useLanguage, type FakeApi } from '@hearth/console-core/testing';

const MILLBROOK_PUBLISHER = { id: 'm-1', slug: 'millbrook-homes', name: 'Millbrook Homes', nameCy: null };
const PRIORITIES = {
  priorities: [
    { code: 'emergency', name: 'Emergency', target: { hours: 24 }, emergency: true, hactPriority: 1 },
    { code: 'urgent', name: 'Urgent', target: { workingDays: 5 }, emergency: false, hactPriority: 2 },
  ],
  approachingWithinHours: 24,
};
const KINDS = [
  { key: 'repair-priorities', name: 'Repairs priorities and targets', module: 'repairs', moduleName: 'Repairs', subjectName: null, available: true, subjects: [] },
  { key: 'sor-set', name: 'SOR set', module: 'repairs', moduleName: 'Repairs', subjectName: null, available: true, subjects: [] },
  { key: 'letter-template', name: 'Letter template', module: 'rent', moduleName: 'Rent and income', subjectName: 'letter template', available: true, subjects: ['contact', 'reminder'] },
  { key: 'arrears-stage-plan', name: 'Arrears stage plan', module: 'rent', moduleName: 'Rent and income', subjectName: null, available: false, subjects: [] },
];

type Row = SharedConfigurationLibraryQuery['sharedConfigurations']['edges'][number]['node'];
type Detail = NonNullable<SharedConfigurationDetailQuery['sharedConfiguration']>;

const ROW: Row = {
  id: 'sc-1',
  lineageId: 'sc-1',
  title: 'Repairs priorities and targets',
  description: 'Our four priorities.',
  version: '1.1',
  subject: null,
  publishedAt: '2030-05-01T09:00:00Z',
  publishedBy: 'Sam Patel',
  withdrawnAt: null,
  latest: true,
  mine: false,
  kind: { key: 'repair-priorities', name: 'Repairs priorities and targets', available: true, module: 'repairs', moduleName: 'Repairs' },
  publisher: MILLBROOK_PUBLISHER,
  versions: [{ id: 'sc-1' }, { id: 'sc-0' }],
  myAdoption: null,
};

const DETAIL: Detail = {
  ...ROW,
  content: PRIORITIES,
  versions: [
    { id: 'sc-1', version: '1.1', publishedAt: '2030-05-01T09:00:00Z', publishedBy: 'Sam Patel', withdrawnAt: null, latest: true },
    { id: 'sc-0', version: '1.0', publishedAt: '2030-04-01T09:00:00Z', publishedBy: 'Sam Patel', withdrawnAt: null, latest: false },
  ],
  myAdoption: null,
};

function library(rows: Row[]) {
  return { sharedConfigurations: { totalCount: rows.length, pageInfo: { hasNextPage: false, endCursor: null }, edges: rows.map((node) => ({ node })) } };
}

describe('the library', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    api.answer(SharedConfigurationKindsDocument, () => ({ configurationKinds: KINDS }));
  });

  it('lists each piece at its newest version, with its publisher, versions and the member\'s copy', async () => {
    signIn(['housing-officer'], ABER);
    api.answer(SharedConfigurationLibraryDocument, () => library([{ ...ROW, myAdoption: { id: 'a-1', source: { id: 'sc-0', version: '1.0' } } }]));
    const fixture = await render(LibraryComponent);
    expect(cells(fixture, '[data-testid="library"]')).toEqual([
      ['Repairs priorities and targetsOur four priorities.', 'Repairs priorities and targets', 'Millbrook Homes', '1.1 2 versions', '1 May 2030', 'You copied version 1.0'],
    ]);
    // Only tenant admins publish.
    expect(all(fixture, '[data-testid="publish"]')).toHaveLength(0);
  });

  it('passes its filters to the API, and says when nothing matches, in English and Welsh', async () => {
    signIn(['tenant-admin'], ABER);
    api.answer(SharedConfigurationLibraryDocument, () => library([]));
    const fixture = await render(LibraryComponent, { kind: 'sor-set', q: ' damp ' });
    expect(api.api.query).toHaveBeenCalledWith(SharedConfigurationLibraryDocument, { first: 20, after: null, filter: { kind: 'sor-set', search: 'damp', publisherId: null } });
    expect(text(fixture, '[data-testid="empty"]')).toBe('Nothing has been published that matches.');
    expect(all(fixture, '[data-testid="publish"]')).toHaveLength(1);
    useLanguage('cy');
    await settle(fixture);
    expect(text(fixture, 'h1')).toBe('Ffurfweddiadau a rennir');
    expect(text(fixture, '[data-testid="empty"]')).toBe('Does dim wedi’i gyhoeddi sy’n cyfateb.');
  });
});

describe('a shared configuration', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    configure(api);
  });

  it('shows what it holds as its kind reads, its versions, and offers tenant admins a copy', async () => {
    signIn(['tenant-admin'], ABER);
    api.answer(SharedConfigurationDetailDocument, () => ({ sharedConfiguration: DETAIL }));
    const fixture = await render(DetailComponent, { id: 'sc-1' });
    expect(text(fixture, 'h1')).toBe('Repairs priorities and targets');
    expect(text(fixture, '[data-testid="publisher"]')).toBe('Millbrook Homes');
    expect(cells(fixture, '[data-testid="priorities"]')).toEqual([
      ['emergency', 'Emergency', '24 hours', 'Yes', '1'],
      ['urgent', 'Urgent', '5 working days', 'No', '2'],
    ]);
    expect(text(fixture, '.approaching')).toBe('Open work orders are flagged 24 hours before their target.');
    expect(cells(fixture, '[data-testid="versions"]')).toEqual([
      ['Version 1.1 (this version)', '1 May 2030 (Sam Patel)', 'Latest version'],
      ['Version 1.0', '1 Apr 2030 (Sam Patel)', ''],
    ]);
    expect(all(fixture, '[data-testid="copy"]')).toHaveLength(1);
    useLanguage('cy');
    await settle(fixture);
    expect(cells(fixture, '[data-testid="priorities"]')[1]).toEqual(['urgent', 'Urgent', '5 diwrnod gwaith', 'Nac ydy', '2']);
    expect(text(fixture, '[data-testid="copy"]')).toBe('Copïo i’n gosodiadau');
  });

  it('says why it cannot be copied when the owning module is off, and shows the member\'s earlier copy', async () => {
    signIn(['tenant-admin'], ABER);
    api.answer(SharedConfigurationDetailDocument, () => ({
      sharedConfiguration: {
        ...DETAIL,
        kind: { ...DETAIL.kind, available: false },
        myAdoption: { id: 'a-1', adoptedAt: '2030-05-02T09:00:00Z', adoptedBy: 'Ffion Evans', adaptedOnCopy: true, adaptedSince: true, target: null, source: { id: 'sc-0', version: '1.0' } },
      },
    }));
    const fixture = await render(DetailComponent, { id: 'sc-1' });
    expect(all(fixture, '[data-testid="copy"]')).toHaveLength(0);
    expect(text(fixture, '[data-testid="copy-blocked"]')).toBe('To copy this, your organisation needs the Repairs module switched on.');
    expect(text(fixture, '[data-testid="your-copy"] p')).toBe('You copied version 1.0 on 2 May 2030 (Ffion Evans). Adapted when copied. Changed in your settings since.');
  });
});

describe('publishing', () => {
  let api: FakeApi;

  beforeEach(() => {
    api = fakeApi();
    configure(api);
    api.answer(SharedConfigurationKindsDocument, () => ({ configurationKinds: KINDS }));
    api.answer(SharedConfigurationLibraryDocument, () => library([]));
  });

  it('shows what would be published, then publishes it and goes to its page', async () => {
    signIn(['tenant-admin']);
    api.answer(SharedConfigurationDraftDocument, () => ({ sharedConfigurationDraft: { __typename: 'SharedConfigurationDraft' as const, subject: null, content: PRIORITIES } }));
    api.answer(SharedConfigurationPublishDocument, () => ({
      publishSharedConfiguration: { __typename: 'SharedConfiguration' as const, id: 'sc-9', title: 'Our priorities', version: '1.0' },
    }));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const fixture = await render(PublishComponent, { kind: 'repair-priorities' });
    expect(api.api.query).toHaveBeenCalledWith(SharedConfigurationDraftDocument, { kind: 'repair-priorities', subject: null });
    expect(cells(fixture, '[data-testid="draft"] [data-testid="priorities"]')).toHaveLength(2);

    type(fixture, '[formcontrolname="title"]', 'Our priorities');
    type(fixture, '[formcontrolname="description"]', 'Four of them.');
    button(fixture, 'Publish').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(SharedConfigurationPublishDocument, {
      input: { kind: 'repair-priorities', subject: null, title: 'Our priorities', description: 'Four of them.', version: '1.0', newVersionOf: null },
    });
    expect(navigate).toHaveBeenCalledWith(['..', 'sc-9'], expect.objectContaining({ queryParams: { published: 1 } }));
  });

  it('says clearly, in both languages, when a letter holds a tenant\'s name', async () => {
    signIn(['tenant-admin']);
    api.answer(SharedConfigurationDraftDocument, () => ({
      sharedConfigurationDraft: {
        __typename: 'SharedConfigurationRefused' as const, code: 'SHARED_CONFIGURATION_REFUSED', message: 'refused', path: '/en/body', dataKind: 'PERSON_NAME' as const, found: 'Jane Smith',
      },
    }));
    const fixture = await render(PublishComponent, { kind: 'letter-template' });
    expect(api.api.query).not.toHaveBeenCalledWith(SharedConfigurationDraftDocument, expect.anything());
    fixture.componentInstance['chooseSubject']('reminder');
    await settle(fixture);
    expect(text(fixture, '[data-testid="draft-problem"]')).toBe(
      'Nothing about people, tenancies, accounts or homes may be published. What you are publishing (at /en/body) contains the name of a person on your register: “Jane Smith”. ' +
        'Change it in your settings (in a letter, a placeholder such as {{name}} or {{paymentReference}} stands for it) and publish again.',
    );
    expect(all(fixture, '[data-testid="publish-button"]')).toHaveLength(0);
    useLanguage('cy');
    await settle(fixture);
    expect(text(fixture, '[data-testid="draft-problem"]')).toMatch(/^Ni chaiff dim am bobl, tenantiaethau, cyfrifon na chartrefi ei gyhoeddi\. Mae’r hyn rydych chi’n ei gyhoeddi \(yn \/en\/body\) yn cynnwys enw person ar eich cofrestr: “Jane Smith”\./);
  });

  it('suggests the next version of an earlier piece', () => {
    expect(nextVersion('1.0')).toBe('1.1');
    expect(nextVersion('2.9')).toBe('2.10');
    expect(nextVersion('1.2.3')).toBe('1.3.0');
  });
});

describe('copying', () => {
  let api: FakeApi;
  const close = jest.fn();
  const DATA: CopyDialogData = { id: 'sc-1', title: 'Repairs priorities and targets', version: '1.1', kind: 'repair-priorities', content: PRIORITIES };
  type Preview = Extract<SharedConfigurationPreviewQuery['sharedConfigurationPreview'], { __typename: 'SharedConfigurationPreview' }>;
  const PREVIEW: Preview = {
    __typename: 'SharedConfigurationPreview',
    target: null,
    before: null,
    after: PRIORITIES,
    adapted: false,
    changes: [
      { item: 'priority:emergency', change: 'CHANGED', fields: ['target'] },
      { item: 'priority:planned', change: 'REMOVED', fields: ['position', 'name'] },
    ],
    warnings: [{ code: 'PRIORITY_REMOVED', items: ['planned'], message: 'would go' }],
    problems: [],
  };

  beforeEach(() => {
    api = fakeApi();
    configure(api, [
      { provide: MAT_DIALOG_DATA, useValue: DATA },
      { provide: MatDialogRef, useValue: { close } },
    ]);
    close.mockReset();
    signIn(['tenant-admin'], ABER);
  });

  it('shows what copying changes, item by item, with what to know first, and copies', async () => {
    api.answer(SharedConfigurationPreviewDocument, () => ({ sharedConfigurationPreview: PREVIEW }));
    api.answer(SharedConfigurationAdoptDocument, () => ({
      adoptSharedConfiguration: { __typename: 'ConfigurationAdoption' as const, id: 'a-1', target: null, adaptedOnCopy: false, adoptedAt: '2030-05-02T09:00:00Z' },
    }));
    const fixture = await render(CopyDialogComponent);
    expect(api.api.query).toHaveBeenCalledWith(SharedConfigurationPreviewDocument, { id: 'sc-1', content: null, target: null });
    expect(cells(fixture, '[data-testid="changes"]')).toEqual([
      ['Priority “emergency”', 'Changed', 'target'],
      ['Priority “planned”', 'Removed', ''],
    ]);
    expect(text(fixture, '.warnings li')).toContain('These priorities would go: planned.');
    button(fixture, 'Copy into our settings').click();
    await settle(fixture);
    expect(api.api.mutate).toHaveBeenCalledWith(SharedConfigurationAdoptDocument, { input: { sharedConfigurationId: 'sc-1', content: null, target: null } });
    expect(close).toHaveBeenCalledWith({ adoptionId: 'a-1', adaptedOnCopy: false });
  });

  it('sends an adaptation, puts the owning module\'s problems on their fields, and will not copy until they are put right', async () => {
    api.answer(SharedConfigurationPreviewDocument, ({ content }) => ({
      sharedConfigurationPreview: content
        ? { ...PREVIEW, adapted: true, problems: [{ field: '/priorities/0/name', message: 'must NOT have more than 100 characters' }, { field: '/priorities/1/code', message: '"urgent" is already the code of priority 1' }] }
        : PREVIEW,
    }));
    const fixture = await render(CopyDialogComponent);
    type(fixture, '[formarrayname="priorities"] fieldset:first-of-type [formcontrolname="name"]', 'Argyfwng');
    await settle(fixture);
    expect((button(fixture, 'Copy into our settings') as HTMLButtonElement).disabled).toBe(true);
    button(fixture, 'Check the changes').click();
    await settle(fixture);
    expect(api.api.query).toHaveBeenLastCalledWith(SharedConfigurationPreviewDocument, {
      id: 'sc-1',
      content: { ...PRIORITIES, priorities: [{ ...PRIORITIES.priorities[0], name: 'Argyfwng' }, PRIORITIES.priorities[1]] },
      target: null,
    });
    expect(all(fixture, 'mat-error').map((error) => error.textContent?.trim())).toEqual(['must NOT have more than 100 characters']);
    expect(text(fixture, '[data-testid="problems"]')).toContain('"urgent" is already the code of priority 1');
    expect((button(fixture, 'Copy into our settings') as HTMLButtonElement).disabled).toBe(true);
  });
});

describe('what the member copied', () => {
  it('says where each copy came from and whether it was adapted', async () => {
    const api = fakeApi();
    configure(api);
    signIn(['housing-officer'], ABER);
    api.answer(ConfigurationAdoptionListDocument, () => ({
      configurationAdoptions: {
        totalCount: 2,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [
          {
            node: {
              id: 'a-2', target: 'first_reminder', adoptedAt: '2030-05-03T09:00:00Z', adoptedBy: 'Ffion Evans', adaptedOnCopy: false, adaptedSince: false,
              kind: { key: 'letter-template', name: 'Letter template' },
              source: { id: 'sc-3', title: 'Friendly first reminder', version: '1.0', withdrawnAt: '2030-05-04T09:00:00Z', publisher: MILLBROOK_PUBLISHER },
            },
          },
          {
            node: {
              id: 'a-1', target: null, adoptedAt: '2030-05-02T09:00:00Z', adoptedBy: 'Ffion Evans', adaptedOnCopy: true, adaptedSince: true,
              kind: { key: 'repair-priorities', name: 'Repairs priorities and targets' },
              source: { id: 'sc-1', title: 'Repairs priorities and targets', version: '1.1', withdrawnAt: null, publisher: MILLBROOK_PUBLISHER },
            },
          },
        ],
      },
    }));
    const fixture = await render(AdoptionsComponent);
    expect(cells(fixture, '[data-testid="adoptions"]')).toEqual([
      ['Letter template saved as “first_reminder”', 'Millbrook Homes’s “Friendly first reminder” version 1.0 (since withdrawn)', '3 May 2030, by Ffion Evans', 'As copied'],
      ['Repairs priorities and targets', 'Millbrook Homes’s “Repairs priorities and targets” version 1.1', '2 May 2030, by Ffion Evans', 'Adapted when copiedChanged since'],
    ]);
    useLanguage('cy');
    await settle(fixture);
    expect(cells(fixture, '[data-testid="adoptions"]')[1][1]).toBe('“Repairs priorities and targets” fersiwn 1.1 gan Millbrook Homes');
  });
});

describe('configuration as it reads', () => {
  beforeEach(() => configure(fakeApi()));

  it('shows a letter in both languages and a stage plan as its steps', async () => {
    const letter = await render(ConfigurationContentComponent, {
      kind: 'letter-template',
      content: { code: 'reminder', en: { subject: 'Your rent', body: 'Dear {{name}},' }, cy: { subject: 'Eich rhent', body: 'Annwyl {{name}},' } },
    });
    expect(all(letter, 'article').map((article) => article.getAttribute('lang'))).toEqual(['en', 'cy']);
    expect(text(letter, 'article[lang="cy"] .body')).toBe('Annwyl {{name}},');

    const plan = await render(ConfigurationContentComponent, {
      kind: 'arrears-stage-plan',
      content: {
        stages: [{ code: 'reminder', name: 'Friendly reminder', weeksOfRent: 1, minimumPence: 5000, actions: [{ kind: 'letter', template: 'reminder' }, { kind: 'task', description: 'Call', dueInWorkingDays: 5 }] }],
        letterTemplates: {},
      },
    });
    expect(all(plan, '[data-testid="stages"] > li li').map((item) => item.textContent?.trim())).toEqual(['Send the letter “reminder”', 'Task: Call (within 5 working days)']);
    expect(text(plan, '[data-testid="stages"] .muted')).toBe('From 1 weeks of rent in arrears, and at least £50.00');
  });
});
