import { TestBed } from '@angular/core/testing';
import { ApiError } from '@hearth/console-core';
import { RegisterAssetBrowseDocument, RegisterAssetSearchDocument } from '../../graphql.generated';
import { connection, settle, setUpRegister, stubApi, text } from '../../shared/register.testing';
import { AssetSearchComponent } from './asset-search.component';

const asset = (id: string, kind: string, name: string | null, addressLine1: string | null) => ({
  id, kind, name, addressLine1, addressLine2: null, town: 'Millbrook', postcode: 'MB1 2AB', uprn: null, patch: 'North',
});

function setUp(search: unknown) {
  const api = stubApi(
    new Map<unknown, unknown>([
      [RegisterAssetSearchDocument, search],
      [RegisterAssetBrowseDocument, { data: { assets: connection([asset('e1', 'ESTATE', 'Riverside Estate', null)], true) }, errors: [] }],
    ]) as never,
  );
  setUpRegister(api);
  const fixture = TestBed.createComponent(AssetSearchComponent);
  return { api, fixture, element: fixture.nativeElement as HTMLElement };
}

describe('AssetSearchComponent', () => {
  it('searches for the text in the address and links each match to its page', async () => {
    const { api, fixture, element } = setUp({ data: { searchAssets: [asset('d1', 'DWELLING', null, 'Flat 1 Kingfisher House')] }, errors: [] });
    fixture.componentRef.setInput('q', 'MB1 2AB');
    await settle(fixture);
    expect(api.query).toHaveBeenCalledWith(RegisterAssetSearchDocument, { text: 'MB1 2AB', first: 25 });
    expect(text(element, '[data-testid=asset-search-results] caption')).toBe('Assets matching “MB1 2AB”, best first');
    const link = element.querySelector('[data-testid=asset-search-results] a') as HTMLAnchorElement;
    expect(link.textContent?.trim()).toBe('Flat 1 Kingfisher House');
    expect(link.getAttribute('href')).toBe('/assets/d1');
  });

  it('browses estates a page at a time by default', async () => {
    const { api, fixture, element } = setUp(null);
    await settle(fixture);
    expect(api.query).toHaveBeenCalledWith(RegisterAssetBrowseDocument, { filter: { kind: 'ESTATE' }, first: 25, after: null });
    expect(text(element, '[data-testid=asset-browse] tbody')).toContain('Riverside Estate');
    expect((element.querySelector('hearth-pager button:last-of-type') as HTMLButtonElement).disabled).toBe(false);
  });

  it('does not send text shorter than the API accepts, and says what is wrong', async () => {
    const { api, fixture, element } = setUp(null);
    await settle(fixture);
    const input = element.querySelector('[data-testid=asset-search-input]') as HTMLInputElement;
    input.value = 'MB';
    input.dispatchEvent(new Event('input'));
    (element.querySelector('form[role=search] button') as HTMLButtonElement).click();
    await settle(fixture);
    expect(text(element, 'mat-error')).toBe('Type at least 3 characters to search.');
    expect(api.query).not.toHaveBeenCalledWith(RegisterAssetSearchDocument, expect.anything());
  });

  it('shows when nothing matches, and when the search failed', async () => {
    const empty = setUp({ data: { searchAssets: [] }, errors: [] });
    empty.fixture.componentRef.setInput('q', 'Nowhere Street');
    await settle(empty.fixture);
    expect(text(empty.element, '[data-testid=asset-search-empty]')).toBe('No assets match “Nowhere Street”.');
    TestBed.resetTestingModule();

    const failing = setUp(() => Promise.reject(new ApiError('NETWORK', 'offline')));
    failing.fixture.componentRef.setInput('q', 'Kingfisher');
    await settle(failing.fixture);
    expect(text(failing.element, 'hearth-api-error')).toContain('The Hearth API could not be reached.');
  });
});
