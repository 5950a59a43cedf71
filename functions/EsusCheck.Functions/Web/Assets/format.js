// French formatting of dates, numbers and identifiers.
const dateTime = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Paris' });
const date = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'long', timeZone: 'UTC' });
const integer = new Intl.NumberFormat('fr-FR');
const euros = new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const percent = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 1 });

// « 1er février 2025 », as the server writes a date (Core/Wording/FrenchText.Date): Intl alone says « 1 février ».
const withOrdinalFirst = (formatter, value) =>
  formatter.formatToParts(value).map(part => (part.type === 'day' && Number(part.value) === 1 ? '1er' : part.value)).join('');

export const formatDateTime = value => (value ? withOrdinalFirst(dateTime, new Date(value)) : '');
export const formatDate = value => (value ? withOrdinalFirst(date, new Date(`${value}T00:00:00Z`)) : '');
export const formatInteger = value => integer.format(value);
export const formatEuros = value => euros.format(value);
export const formatPercent = value => percent.format(value);

/** « 732 829 320 00074 »: the SIREN in groups of three, then the NIC. */
export function formatSiret(siret) {
  if (!/^\d{9}(\d{5})?$/.test(siret ?? '')) return siret ?? '';
  const siren = `${siret.slice(0, 3)} ${siret.slice(3, 6)} ${siret.slice(6, 9)}`;
  return siret.length === 14 ? `${siren} ${siret.slice(9)}` : siren;
}

export const capitalise = text => (text ? text.charAt(0).toLocaleUpperCase('fr-FR') + text.slice(1) : text);
