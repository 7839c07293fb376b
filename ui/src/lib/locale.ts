// The one owner of how numbers read and are typed in the system's locale.
// Rust tells the window the locale (`app_info.locale`, from LC_ALL /
// LC_MONETARY / LC_NUMERIC / LANG, or QUARTERDECK_LOCALE): WebKitGTK's
// navigator.language need not follow LANG. Until it has answered, English.
// money.ts, dates.ts and the views format through here; pure but for the
// locale set once at start, tested in locale.test.ts.

let current = 'en-US';

/** Sets the window's locale from the app's answer; a tag the platform cannot use leaves English. */
export function setLocale(tag: string): void {
  try {
    current = Intl.NumberFormat.supportedLocalesOf([tag]).length ? tag : 'en-US';
  } catch {
    current = 'en-US';
  }
}

export function locale(): string {
  return current;
}

/** The locale's decimal mark and digit-group separator: "." and "," in English, "," and "." in German. */
export function separators(tag: string = current): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(tag).formatToParts(1234567.5);
  return {
    decimal: parts.find((p) => p.type === 'decimal')?.value ?? '.',
    group: parts.find((p) => p.type === 'group')?.value ?? ',',
  };
}

/** A number as the locale writes it: `1234.5` → "1,234.5" in English, "1.234,5" in German. */
export function formatNumber(value: number, options: Intl.NumberFormatOptions = {}, tag: string = current): string {
  return new Intl.NumberFormat(tag, options).format(value);
}

/**
 * Plain decimal text ("-1234.50", as the backend writes amounts) in the
 * locale's marks, exactly (never through a float): "-1.234,50" in German.
 * `grouped` false leaves the digits ungrouped, for a field to edit.
 */
export function localDecimal(text: string, grouped = true, tag: string = current): string {
  const { decimal, group } = separators(tag);
  const negative = text.startsWith('-');
  const [whole = '0', part] = text.replace('-', '').split('.');
  const digits = grouped ? whole.replace(/\B(?=(\d{3})+(?!\d))/g, group) : whole;
  return `${negative ? '-' : ''}${digits}${part ? `${decimal}${part}` : ''}`;
}

/** An amount typed in a field the backend could not read: the field it names and why. */
export type AmountProblem = { code: 'invalid'; field: string; message: string };

/**
 * What was typed in an amount field, as the backend reads amounts ("1234.50"):
 * the locale's decimal mark and digit groups are accepted ("612,40" and
 * "1.234,50" in German, "1,234.50" in English), and so is a lone "." or ","
 * that cannot be a digit group ("612.40" in German). Blank stays blank.
 * Throws an `AmountProblem` naming `field` for anything else.
 */
export function parseAmount(typed: string, field: string, tag: string = current): string {
  const { decimal, group } = separators(tag);
  // Spaces (also the narrow no-break space French groups with) and apostrophes (Swiss) only group digits.
  const text = typed.replace(/[\s\u00a0\u202f']/g, '');
  if (text === '') return '';
  const sign = text.startsWith('-') ? '-' : '';
  const body = sign ? text.slice(1) : text;
  const problem = (): AmountProblem => ({
    code: 'invalid',
    field,
    message: `“${typed.trim()}” is not an amount: write it as ${localDecimal('1234.50', true, tag)} or ${localDecimal('1234.50', false, tag)}`,
  });
  const marks = body.replace(/\d/g, '');
  if (!/^\d/.test(body) || /[^\d.,]/.test(body)) throw problem();
  let whole = body;
  let part = '';
  const at = body.lastIndexOf(decimal);
  const groupChar = group.trim() === '' ? '' : group;
  if (at >= 0 && marks.split('').filter((m) => m === decimal).length === 1) {
    [whole, part] = [body.slice(0, at), body.slice(at + 1)];
  } else if (at < 0 && marks.length === 1 && !validGroups(body, marks)) {
    // One mark that cannot be a digit group: the decimal mark of another locale ("612.40" typed in German).
    [whole, part] = body.split(marks) as [string, string];
  }
  if (groupChar && whole.includes(groupChar)) {
    if (!validGroups(whole, groupChar)) throw problem();
    whole = whole.split(groupChar).join('');
  }
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(part)) throw problem();
  return `${sign}${whole}${part ? `.${part}` : ''}`;
}

/** "1.234.567": groups of three after a first group of one to three. */
function validGroups(text: string, group: string): boolean {
  const [first = '', ...rest] = text.split(group);
  return rest.length > 0 && /^\d{1,3}$/.test(first) && rest.every((g) => /^\d{3}$/.test(g));
}
