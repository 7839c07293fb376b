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
