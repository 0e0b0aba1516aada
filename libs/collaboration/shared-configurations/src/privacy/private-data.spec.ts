import { describeFinding, findPrivatePattern, textsOf } from './private-data';

const scan = (content: unknown) => findPrivatePattern(textsOf(content));

describe('textsOf', () => {
  it('gives every key and string value with its JSON pointer, placeholders taken out', () => {
    expect(textsOf({ en: { body: 'Dear {{name}},' }, 'a/b': ['x'] })).toEqual([
      { path: '/en', text: 'en' },
      { path: '/en/body', text: 'body' },
      { path: '/en/body', text: 'Dear  ,' },
      { path: '/a~1b', text: 'a/b' },
      { path: '/a~1b/0', text: 'x' },
    ]);
  });
});

describe('findPrivatePattern', () => {
  it.each([
    ['an email address', 'Write to jane.smith@example.com with questions', 'email', 'jane.smith@example.com'],
    ['a landline', 'Ring 01632 960101 today', 'phone', '01632 960101'],
    ['a mobile with hyphens', 'Text 07700-900-123', 'phone', '07700-900-123'],
    ['an international number', 'Call +44 1632 960101', 'phone', '+44 1632 960101'],
    ['a National Insurance number', 'NI number AB 12 34 56 C on file', 'ni_number', 'AB 12 34 56 C'],
    ['a postcode', 'Flat 2, 14 Mill Lane, CF10 1AA', 'postcode', 'CF10 1AA'],
    ['a London postcode', 'Our office at SW1A 1AA', 'postcode', 'SW1A 1AA'],
    ["a record's id", 'See 3f2b8c1e-1d2a-4c5b-9e8f-0a1b2c3d4e5f', 'record_id', '3f2b8c1e-1d2a-4c5b-9e8f-0a1b2c3d4e5f'],
  ])('finds %s', (_what, text, kind, found) => {
    expect(scan({ en: { body: text } })).toEqual({ path: '/en/body', kind, found });
  });

  it('finds private data in keys as well as values', () => {
    expect(scan({ letterTemplates: { 'jane@example.com': {} } })).toMatchObject({ path: '/letterTemplates/jane@example.com', kind: 'email' });
  });

  it.each([
    ['placeholders', 'Dear {{name}}, your account {{paymentReference}} is {{balance}} in arrears'],
    ['SOR codes and money', 'Renew tap washer 603011 at £12.50 for 2 hours'],
    ['priority codes and targets', 'emergency urgent routine 24 hours 5 working days P1 HACT 1'],
    ['Welsh text', "Annwyl {{name}}, mae gan eich cyfrif rhent ôl-ddyled o {{balance}}. Cysylltwch â'ch swyddog incwm o fewn 7 diwrnod."],
    ['lower-case words that look like a postcode', 'see b1 2ab'],
  ])('leaves %s alone', (_what, text) => {
    expect(scan({ text })).toBeUndefined();
  });

  it('reports the first finding in the order given', () => {
    expect(findPrivatePattern([{ path: 'title', text: 'Ring 01632 960101' }, { path: '/x', text: 'a@b.example' }])).toMatchObject({ path: 'title', kind: 'phone' });
  });
});

describe('describeFinding', () => {
  it('names the field, the kind of data and what was found, and how to put it right', () => {
    expect(describeFinding({ path: '/en/body', kind: 'person_name', found: 'Jane Smith' })).toBe(
      'Nothing about people, tenancies or accounts may be published: the configuration at /en/body contains the name of a person on your register ("Jane Smith"). ' +
        'Change it in your settings (in a letter, a placeholder such as {{name}} or {{paymentReference}} stands for it) and publish again.',
    );
    expect(describeFinding({ path: 'title', kind: 'email', found: 'a@b.example' })).toMatch(/^Nothing about people.*the title contains an email address \("a@b.example"\)\. Take it out and publish again\.$/);
  });
});
