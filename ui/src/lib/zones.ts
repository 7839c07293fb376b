// Time-zone search for the picker: "tok" finds Asia/Tokyo, "new york" America/New_York.

/** The city part of a zone name, readable: "America/Argentina/Buenos_Aires" → "Buenos Aires". */
export function zoneCity(zone: string): string {
  return (zone.split('/').pop() ?? zone).replace(/_/g, ' ');
}

function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[_/]/g, ' ')
    .trim();
}

/**
 * Zones matching `query`, best first: city starts with it, then a word of the
 * zone starts with it, then it appears anywhere. At most `limit` results.
 */
export function searchZones(zones: readonly string[], query: string, limit = 50): string[] {
  const q = normalize(query);
  if (!q) return zones.slice(0, limit);
  const ranked: Array<[number, string]> = [];
  for (const zone of zones) {
    const full = normalize(zone);
    const city = normalize(zoneCity(zone));
    let rank: number;
    if (city.startsWith(q)) rank = 0;
    else if (full.split(' ').some((w) => w.startsWith(q)) || full.startsWith(q)) rank = 1;
    else if (full.includes(q)) rank = 2;
    else continue;
    ranked.push([rank, zone]);
  }
  ranked.sort((a, b) => a[0] - b[0] || a[1].localeCompare(b[1]));
  return ranked.slice(0, limit).map(([, zone]) => zone);
}

/** Countries with a single time zone (or one where nearly all conferences are), by the names listings use. */
const COUNTRY_ZONES: Record<string, string> = {
  austria: 'Europe/Vienna',
  belgium: 'Europe/Brussels',
  bulgaria: 'Europe/Sofia',
  croatia: 'Europe/Zagreb',
  czechia: 'Europe/Prague',
  'czech republic': 'Europe/Prague',
  denmark: 'Europe/Copenhagen',
  estonia: 'Europe/Tallinn',
  finland: 'Europe/Helsinki',
  france: 'Europe/Paris',
  germany: 'Europe/Berlin',
  greece: 'Europe/Athens',
  hungary: 'Europe/Budapest',
  india: 'Asia/Kolkata',
  ireland: 'Europe/Dublin',
  israel: 'Asia/Jerusalem',
  italy: 'Europe/Rome',
  japan: 'Asia/Tokyo',
  kenya: 'Africa/Nairobi',
  latvia: 'Europe/Riga',
  lithuania: 'Europe/Vilnius',
  netherlands: 'Europe/Amsterdam',
  'new zealand': 'Pacific/Auckland',
  nigeria: 'Africa/Lagos',
  norway: 'Europe/Oslo',
  philippines: 'Asia/Manila',
  poland: 'Europe/Warsaw',
  portugal: 'Europe/Lisbon',
  romania: 'Europe/Bucharest',
  serbia: 'Europe/Belgrade',
  singapore: 'Asia/Singapore',
  slovakia: 'Europe/Bratislava',
  slovenia: 'Europe/Ljubljana',
  'south africa': 'Africa/Johannesburg',
  'south korea': 'Asia/Seoul',
  spain: 'Europe/Madrid',
  sweden: 'Europe/Stockholm',
  switzerland: 'Europe/Zurich',
  taiwan: 'Asia/Taipei',
  thailand: 'Asia/Bangkok',
  turkey: 'Europe/Istanbul',
  uk: 'Europe/London',
  'united kingdom': 'Europe/London',
  'u.k.': 'Europe/London',
  ukraine: 'Europe/Kyiv',
  vietnam: 'Asia/Ho_Chi_Minh',
};

/**
 * The venue's zone when it can be known from the listing: a zone named after
 * the city ("Amsterdam"), else the country's only zone. Null when unsure
 * (a city in a country with several zones): the user picks it.
 */
export function guessZone(city: string, country: string, zones: readonly string[]): string | null {
  const town = normalize(city.split(',')[0] ?? '');
  if (town) {
    const byCity = zones.find((z) => normalize(zoneCity(z)) === town);
    if (byCity) return byCity;
  }
  const zone = COUNTRY_ZONES[country.trim().toLowerCase()];
  return zone && zones.includes(zone) ? zone : null;
}
