import assert from 'node:assert/strict';
import { LANGUAGES, MESSAGES, preferredLanguage, translate, translator, type Message, type MessageKey } from '../../web/kit/i18n.ts';

const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : [message.one, message.other]);
const params = (message: Message): string[] => [...new Set(forms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '')))].sort();
const keys = Object.keys(MESSAGES.en) as MessageKey[];

/** Words that are the same in both languages. */
const SAME_IN_BOTH = new Set(['OK', 'TOTAL', 'Total', 'QRIS', 'No', 'ref', 'PPN', 'SUBTOTAL']);

describe('till i18n', () => {
  it('both languages give every key, none empty', () => {
    for (const language of LANGUAGES) {
      assert.deepEqual(Object.keys(MESSAGES[language]).sort(), [...keys].sort(), language);
      for (const key of keys) assert.ok(forms(MESSAGES[language][key]).every((text) => text.trim().length > 0), `${language} ${key}`);
    }
  });

  it('both languages take the same parameters for each key', () => {
    for (const key of keys) assert.deepEqual(params(MESSAGES.id[key]), params(MESSAGES.en[key]), key);
  });

  it('the Indonesian strings are translated, not English left in place', () => {
    const untranslated = keys.filter((key) => JSON.stringify(MESSAGES.id[key]) === JSON.stringify(MESSAGES.en[key]) && !forms(MESSAGES.en[key]).every((text) => SAME_IN_BOTH.has(text)));
    assert.deepEqual(untranslated, []);
  });

  it('the offline banner counts the waiting sales, English in the singular for one', () => {
    assert.equal(translate('en', 'offline.banner', { count: 1 }), 'offline — 1 sale waiting');
    assert.equal(translate('en', 'offline.banner', { count: 3 }), 'offline — 3 sales waiting');
    assert.equal(translate('en', 'offline.banner', { count: 0 }), 'offline — 0 sales waiting');
    assert.equal(translate('id', 'offline.banner', { count: 1 }), 'offline — 1 penjualan menunggu');
    assert.equal(translate('id', 'offline.banner', { count: 3 }), 'offline — 3 penjualan menunggu');
  });

  it('parameters are filled in; one not given stays visible rather than vanish', () => {
    const t = translator('id');
    assert.equal(t('till.current', { code: 'T01' }), 'Kasir T01');
    assert.equal(t('tender.remaining', { amount: 'Rp 2.500' }), 'Sisa tagihan: Rp 2.500');
    assert.equal(t('till.current'), 'Kasir {code}');
    assert.equal(translator('en')('receipt.taxOn', { label: 'PPN', base: '10.000' }), 'PPN on 10.000');
  });

  it('Indonesian unless the browser puts English first', () => {
    assert.equal(preferredLanguage(['en-US', 'id']), 'en');
    assert.equal(preferredLanguage(['id-ID', 'en']), 'id');
    assert.equal(preferredLanguage(['fr-FR', 'en-GB']), 'en');
    assert.equal(preferredLanguage(['fr-FR']), 'id');
    assert.equal(preferredLanguage([]), 'id');
  });
});
