import { describe, expect, it } from 'vitest';
import { checkDateWindow } from '../../subgraphs/runtime/validators/date-window';
import { checkEmail, isPecAddress } from '../../subgraphs/runtime/validators/email';
import { checkItalianIban, isItalianIban } from '../../subgraphs/runtime/validators/iban';
import { checkIccid, checkIccidLastDigits, checkNewSim, isIccid } from '../../subgraphs/runtime/validators/iccid';
import { checkIdempotencyKey } from '../../subgraphs/runtime/validators/idempotency-key';
import {
  checkCompanyOneShotTopUp, checkEuroAmount, checkPersonalTopUp, checkTimedTopUp,
} from '../../subgraphs/runtime/validators/money';
import { checkAttachmentId } from '../../subgraphs/runtime/validators/attachment';
import { checkImei } from '../../subgraphs/runtime/validators/imei';
import { checkMobileNumber, checkPhoneNumber } from '../../subgraphs/runtime/validators/phone';
import { checkPostalCode, checkProvince } from '../../subgraphs/runtime/validators/postal-address';
import { checkInteger, checkOptionalText, checkRequiredText } from '../../subgraphs/runtime/validators/text';
import { checkCompanyTaxCode, checkPersonalTaxCode, isCompanyTaxCode, isPersonalTaxCode } from '../../subgraphs/runtime/validators/tax-code';

/** Every validator refuses with BAD_USER_INPUT naming the field it was given, and returns the value in our form. */
const refusedAs = (field: string) => expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) });
function refuses(check: () => unknown, field: string, why?: RegExp): void {
  let error: unknown;
  try {
    check();
  } catch (e) {
    error = e;
  }
  expect(error).toEqual(refusedAs(field));
  if (why) expect((error as Error).message).toMatch(why);
}

describe('mobile numbers', () => {
  it('accepts 9 or 10 digits starting with 3, as CRM has them', () => {
    expect(checkMobileNumber('3343860505', 'n')).toBe('3343860505');
    expect(checkMobileNumber('334386050', 'n')).toBe('334386050');
  });
  it.each(['', '0643860505', '33438605051', '33A', '+393343860505', '334 386 0505', '３３４３８６０５０５'])('refuses %j', (raw) => refuses(() => checkMobileNumber(raw, 'input.number'), 'input.number'));
  it('refuses what is not a string', () => refuses(() => checkMobileNumber(3343860505, 'input.number'), 'input.number'));
});

describe('ICCID', () => {
  it('accepts the seed ICCID, spaces dropped, and refuses other shapes', () => {
    expect(isIccid('8939010008546264046')).toBe(true);
    expect(checkIccid('8939 0100 0854 6264 046', 'iccid')).toBe('8939010008546264046');
    for (const raw of ['893901000854626404', '7939010008546264046', '89390100085462640461X', '']) refuses(() => checkIccid(raw, 'iccid'), 'iccid', /19 or 20 digits/);
  });
  it('takes exactly the last 10 digits of a new SIM, and refuses the SIM the line already has', () => {
    expect(checkIccidLastDigits('8546264046', 'input.newIccid')).toBe('8546264046');
    for (const raw of ['854626404', '85462640461', '854626404A', '']) refuses(() => checkIccidLastDigits(raw, 'input.newIccid'), 'input.newIccid');
    refuses(() => checkNewSim('8546264046', '8939010008546264046', 'input.newIccid'), 'input.newIccid', /already has/);
    expect(() => checkNewSim('1111111111', '8939010008546264046', 'input.newIccid')).not.toThrow();
  });
});

describe('Italian IBAN', () => {
  it('accepts a valid IBAN, with spaces and lower case', () => {
    expect(isItalianIban('IT60X0542811101000000123456')).toBe(true);
    expect(checkItalianIban('it60 x054 2811 1010 0000 0123 456', 'input.iban')).toBe('IT60X0542811101000000123456');
  });
  it('refuses a wrong checksum, a foreign IBAN, a wrong length', () => {
    refuses(() => checkItalianIban('IT61X0542811101000000123456', 'input.iban'), 'input.iban', /check digits/);
    refuses(() => checkItalianIban('DE89370400440532013000', 'input.iban'), 'input.iban', /Italian/);
    refuses(() => checkItalianIban('IT60X054281110100000012345', 'input.iban'), 'input.iban', /27 characters/);
  });
});

describe('tax codes', () => {
  it('checks the check character of a personal tax code, omocodia included', () => {
    expect(isPersonalTaxCode('RSSMRA80A01H501U')).toBe(true);
    expect(isPersonalTaxCode('VLLGVR74E42D548G')).toBe(true);
    expect(checkPersonalTaxCode('rssmra80a01h501u', 'taxCode')).toBe('RSSMRA80A01H501U');
    refuses(() => checkPersonalTaxCode('RSSMRA80A01H501V', 'taxCode'), 'taxCode', /check character/);
    refuses(() => checkPersonalTaxCode('RSSMRA80Z01H501U', 'taxCode'), 'taxCode', /16 characters/);
    refuses(() => checkPersonalTaxCode('12345678901', 'taxCode'), 'taxCode');
  });
  it('checks the check digit of a company tax code', () => {
    expect(isCompanyTaxCode('00488410010')).toBe(true);
    expect(checkCompanyTaxCode('00488410010', 'companyTaxCode')).toBe('00488410010');
    refuses(() => checkCompanyTaxCode('00488410011', 'companyTaxCode'), 'companyTaxCode', /check digit/);
    refuses(() => checkCompanyTaxCode('0048841001', 'companyTaxCode'), 'companyTaxCode', /11 digits/);
  });
});

describe('e-mail', () => {
  it('accepts a plain address and refuses certified mail (PEC)', () => {
    expect(checkEmail(' ginevra.vallisneri@example.it ', 'input.email')).toBe('ginevra.vallisneri@example.it');
    for (const pec of ['mario@pec.telecomitalia.it', 'mario@cert.legalmail.it', 'mario@legalmail.it', 'x@arubapec.it', 'y@studio.pec.it']) {
      expect(isPecAddress(pec)).toBe(true);
      refuses(() => checkEmail(pec, 'input.email'), 'input.email', /PEC/);
    }
    expect(isPecAddress('mario@specchio.it')).toBe(false);
  });
  it.each(['', 'mario', 'mario@', '@example.it', 'ma rio@example.it', 'mario@example', `${'a'.repeat(250)}@example.it`])('refuses %j', (raw) =>
    refuses(() => checkEmail(raw, 'input.email'), 'input.email'));
});

describe('euro amounts and top-up cuts', () => {
  it('reads amounts in cents, a comma tolerated, and refuses the rest', () => {
    expect(checkEuroAmount('25', 'amount')).toBe(2500);
    expect(checkEuroAmount('25.5', 'amount')).toBe(2550);
    expect(checkEuroAmount('25,50', 'amount')).toBe(2550);
    for (const raw of ['0', '-5', '5.555', '1e3', 'ten', '', ' ', null]) refuses(() => checkEuroAmount(raw, 'amount'), 'amount');
  });
  it('allows the company one-shot cuts 7/22/44/88 € only', () => {
    for (const cut of ['7', '22', '44.00', '88']) expect(() => checkCompanyOneShotTopUp(cut, 'input.amount')).not.toThrow();
    for (const cut of ['10', '7.01', '100']) refuses(() => checkCompanyOneShotTopUp(cut, 'input.amount'), 'input.amount', /7 €, 22 €, 44 €, 88 €/);
  });
  it('allows timed top-ups of 5 to 50 € every 7, 15 or 30 days', () => {
    const fields = { amount: 'input.amount', everyDays: 'input.everyDays' };
    expect(checkTimedTopUp('5', 7, fields)).toEqual({ cents: 500, everyDays: 7 });
    expect(checkTimedTopUp('50', 30, fields)).toEqual({ cents: 5000, everyDays: 30 });
    refuses(() => checkTimedTopUp('4.99', 7, fields), 'input.amount', /between 5 € and 50 €/);
    refuses(() => checkTimedTopUp('50.01', 7, fields), 'input.amount');
    refuses(() => checkTimedTopUp('20', 10, fields), 'input.everyDays', /7, 15, 30/);
  });
  it('allows the personal top-up cuts 10…150 € only', () => {
    for (const cut of ['10', '20', '25', '30', '50', '100', '150']) expect(() => checkPersonalTopUp(cut, 'input.amount')).not.toThrow();
    for (const cut of ['5', '15', '200']) refuses(() => checkPersonalTopUp(cut, 'input.amount'), 'input.amount');
  });
});

describe('date windows', () => {
  const rules = { today: '2026-11-23', maxDays: 31, earliest: '2024-11-23' };
  const fields = { from: 'from', to: 'to' };
  it('accepts a window in the past, in order, within the span', () => {
    expect(checkDateWindow({ from: '2026-11-01', to: '2026-11-23' }, fields, rules)).toEqual({ from: '2026-11-01', to: '2026-11-23' });
  });
  it('refuses bad dates, reversed, future, too old and too long windows, naming the field', () => {
    refuses(() => checkDateWindow({ from: '2026-02-30', to: '2026-03-01' }, fields, rules), 'from');
    refuses(() => checkDateWindow({ from: '2026-11-10', to: '2026-11-01' }, fields, rules), 'from', /after/);
    refuses(() => checkDateWindow({ from: '2026-11-20', to: '2026-11-24' }, fields, rules), 'to', /future/);
    refuses(() => checkDateWindow({ from: '2024-11-01', to: '2024-11-30' }, fields, rules), 'from', /before/);
    refuses(() => checkDateWindow({ from: '2026-09-01', to: '2026-11-01' }, fields, rules), 'from', /31 days/);
  });
});

describe('idempotency keys', () => {
  it('takes 8 to 128 plain characters', () => {
    expect(checkIdempotencyKey('block-3343860505-a', 'input.idempotencyKey')).toBe('block-3343860505-a');
    for (const raw of ['short', 'a'.repeat(129), 'with space 123', 'ünïcode-key', '', 42]) refuses(() => checkIdempotencyKey(raw, 'input.idempotencyKey'), 'input.idempotencyKey');
  });
});

describe('IMEI (§7.3.13)', () => {
  it('accepts 15 digits with a valid Luhn check digit, spaces and dashes as printed on the box', () => {
    expect(checkImei('49-015420-323751-8', 'i')).toBe('490154203237518');
  });
  it('refuses a mistyped digit (check digit) and a wrong length', () => {
    refuses(() => checkImei('490154203237519', 'input.imei'), 'input.imei', /check digit/);
    refuses(() => checkImei('49015420323751', 'input.imei'), 'input.imei', /15 digits/);
  });
});

describe('delivery addresses and contacts (§7.3.11)', () => {
  it('takes a 5-digit CAP and a 2-letter province in capitals', () => {
    expect(checkPostalCode(' 40132 ', 'c')).toBe('40132');
    expect(checkProvince('bo', 'p')).toBe('BO');
    refuses(() => checkPostalCode('4013', 'input.delivery.postalCode'), 'input.delivery.postalCode');
    refuses(() => checkProvince('BOL', 'input.delivery.province'), 'input.delivery.province');
  });
  it('requires text where the portal marks a field required, and bounds it', () => {
    refuses(() => checkRequiredText('  ', 'input.delivery.city', 60), 'input.delivery.city', /required/);
    refuses(() => checkRequiredText('x'.repeat(81), 'input.delivery.street', 80), 'input.delivery.street');
    expect(checkOptionalText(null, 'f', 20)).toBeUndefined();
  });
  it('takes fixed and mobile phone numbers, and bounded whole quantities', () => {
    expect(checkPhoneNumber('051 123 4567', 't')).toBe('0511234567');
    refuses(() => checkPhoneNumber('+39 051', 'input.contact.phone'), 'input.contact.phone');
    refuses(() => checkInteger(1.5, 'input.voiceSims', 0, 100), 'input.voiceSims');
    refuses(() => checkInteger(101, 'input.voiceSims', 0, 100), 'input.voiceSims');
  });
});

describe('upload ids', () => {
  it('requires an id of POST /uploads, and refuses what cannot be one', () => {
    refuses(() => checkAttachmentId(undefined, 'input.theftReport'), 'input.theftReport', /required/);
    refuses(() => checkAttachmentId('../etc/passwd', 'input.theftReport'), 'input.theftReport');
  });
});
