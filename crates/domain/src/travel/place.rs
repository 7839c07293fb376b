//! Where a trip goes: an airport by IATA code (SFO), a multi-airport city code (LON),
//! a city by name (Amsterdam, Portland, Maine), or a custom place with its own time
//! zone. Looked up in the bundled airportsdata table (`data/README.md`).

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Result};
use crate::{check, zone};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, TS)]
pub struct Place {
    /// The canonical form of what was typed: an IATA code ("SFO"), a city code ("LON"), or "City, CC".
    pub label: String,
    /// For display: "San Francisco International Airport", "London (all airports)", "Utrecht".
    pub name: String,
    pub city: String,
    /// ISO 3166-1 alpha-2.
    pub country: String,
    /// IANA zone name.
    pub timezone: String,
    pub lat: Option<f64>,
    pub lon: Option<f64>,
}

/// Finds what `text` names: an airport code, then a city code, then a city by name,
/// optionally followed by its subdivision and/or country ("Portland, Maine, US").
pub fn resolve(field: &str, text: &str) -> Result<Place> {
    let text = text.trim();
    if text.is_empty() {
        return Err(Error::invalid(field, "choose a place"));
    }
    let table = &*TABLE;
    let code = text.to_ascii_uppercase();
    if let Some(airport) = table.airport(&code) {
        return Ok(airport.place());
    }
    if let Some(city_code) = table.city_codes.iter().find(|c| c.code == code) {
        return Ok(city_code.place(table));
    }
    let mut matches = table.cities_named(text);
    // The bigger place (more airports) first among the choices.
    matches.sort_by(|a, b| b.airports.len().cmp(&a.airports.len()).then_with(|| a.label.cmp(&b.label)));
    match matches.as_slice() {
        [city] => Ok(city.place(table)),
        [] => Err(Error::invalid(
            field,
            format!("no airport or city called {text:?}; type an IATA code such as SFO, or a city"),
        )),
        several => {
            let mut choices: Vec<String> = several.iter().map(|c| c.choice(table)).collect();
            let name = fold(text.split(',').next().unwrap_or(text));
            choices.extend(
                table
                    .city_codes
                    .iter()
                    .filter(|c| fold(&c.city) == name)
                    .map(|c| format!("{} ({}, all airports)", c.code, c.city)),
            );
            Err(Error::invalid(
                field,
                format!("{text:?} is several places: {}; write the airport code or one of these", choices.join("; ")),
            ))
        }
    }
}

/// A place the table does not know (a venue in the countryside), in a zone the user chose.
pub fn custom(field: &str, label: &str, timezone: &str) -> Result<Place> {
    let label = check::name(field, label)?;
    let timezone = zone::parse(&format!("{field}.timezone"), timezone)?;
    Ok(Place {
        name: label.clone(),
        city: label.clone(),
        label,
        country: String::new(),
        timezone: timezone.name().to_string(),
        lat: None,
        lon: None,
    })
}

/// Places for an autocomplete picker, best first: the exact airport code, city codes,
/// airport codes starting with the query, cities starting with it (each followed by
/// its airports), then airports whose name contains it. Every label resolves back.
pub fn search(query: &str, limit: usize) -> Vec<Place> {
    let query = fold(query);
    if query.is_empty() || limit == 0 {
        return Vec::new();
    }
    let table = &*TABLE;
    let code = query.to_ascii_uppercase();
    let mut found = Found { places: Vec::new(), labels: HashSet::new(), limit };

    if let Some(airport) = table.airport(&code) {
        found.add(|| airport.place());
    }
    let (exact, prefix): (Vec<&CityCode>, Vec<&CityCode>) =
        table.city_codes.iter().filter(|c| c.code.starts_with(&code)).partition(|c| c.code == code);
    for city_code in exact.into_iter().chain(prefix) {
        found.add(|| city_code.place(table));
    }
    for airport in table.airports.iter().filter(|a| a.iata.starts_with(&code)) {
        found.add(|| airport.place());
    }
    let mut cities: Vec<&City> =
        table.cities.iter().filter(|c| c.key.starts_with(&query) || c.label_key.starts_with(&query)).collect();
    // The city typed in full first, then bigger ones (more airports), then by name.
    cities.sort_by(|a, b| {
        let rank = |c: &City| (c.key != query, std::cmp::Reverse(c.airports.len()));
        rank(a).cmp(&rank(b)).then_with(|| a.label.cmp(&b.label))
    });
    for city in cities {
        found.add(|| city.place(table));
        for &i in &city.airports {
            found.add(|| table.airports[i].place());
        }
    }
    for airport in table.airports.iter().filter(|a| a.name_key.contains(&query)) {
        found.add(|| airport.place());
    }
    found.places
}

/// Collects search results once each, up to the limit.
struct Found {
    places: Vec<Place>,
    labels: HashSet<String>,
    limit: usize,
}

impl Found {
    /// Takes the place unless the list is full (then it is not even built) or has it.
    fn add(&mut self, place: impl FnOnce() -> Place) {
        if self.places.len() < self.limit {
            let place = place();
            if self.labels.insert(place.label.clone()) {
                self.places.push(place);
            }
        }
    }
}

/// Subdivisions whose airports lie this close count as one city: "Tokyo" is Haneda
/// (Tokyo) and Narita (Chiba), while Portland, Oregon and Portland, Maine stay apart.
const SAME_CITY_KM: f64 = 100.0;

static TABLE: LazyLock<Table> =
    LazyLock::new(|| Table::new(include_str!("../../data/airports.csv"), include_str!("../../data/city-codes.csv")));

struct Table {
    /// Sorted by IATA code.
    airports: Vec<Airport>,
    cities: Vec<City>,
    city_codes: Vec<CityCode>,
}

#[derive(Deserialize)]
struct Airport {
    iata: String,
    name: String,
    city: String,
    subd: String,
    country: String,
    tz: String,
    lat: f64,
    lon: f64,
    /// What followed a comma in the source's city ("Bandung, Java Island"), which
    /// qualifies the city like a subdivision does.
    #[serde(skip)]
    area: String,
    #[serde(skip)]
    name_key: String,
}

/// Airports that share a city name within one country and lie near each other.
struct City {
    name: String,
    country: String,
    /// "City, CC", or "City, Subdivision, CC" when the country has several of the name.
    label: String,
    /// Indices into `Table::airports`, the likely main airport first.
    airports: Vec<usize>,
    key: String,
    label_key: String,
    subd_keys: Vec<String>,
}

#[derive(Deserialize)]
struct CityCodeRow {
    code: String,
    city: String,
    country: String,
    airports: String,
}

struct CityCode {
    code: String,
    city: String,
    country: String,
    airports: Vec<usize>,
}

impl Table {
    fn new(airports_csv: &str, city_codes_csv: &str) -> Table {
        let mut airports: Vec<Airport> = csv::Reader::from_reader(airports_csv.as_bytes())
            .deserialize()
            .collect::<std::result::Result<_, _>>()
            .expect("the bundled airports.csv is well formed");
        for airport in &mut airports {
            airport.name_key = fold(&airport.name);
            if let Some((city, area)) = airport.city.split_once(',') {
                (airport.area, airport.city) = (area.trim().to_string(), city.trim().to_string());
            }
        }
        airports.sort_by(|a, b| a.iata.cmp(&b.iata));
        let index = |code: &str| airports.binary_search_by(|a| a.iata.as_str().cmp(code)).ok();
        let rows: Vec<CityCodeRow> = csv::Reader::from_reader(city_codes_csv.as_bytes())
            .deserialize()
            .collect::<std::result::Result<_, _>>()
            .expect("the bundled city-codes.csv is well formed");
        let city_codes: Vec<CityCode> = rows
            .into_iter()
            // A city code that is also an airport's (BRU) always means the airport.
            .filter(|row| index(&row.code).is_none())
            .map(|row| CityCode {
                airports: row.airports.split_whitespace().filter_map(index).collect(),
                code: row.code,
                city: row.city,
                country: row.country,
            })
            .filter(|c| !c.airports.is_empty())
            .collect();
        let cities = cities(&airports, &city_codes);
        Table { airports, cities, city_codes }
    }

    fn airport(&self, code: &str) -> Option<&Airport> {
        self.airports.binary_search_by(|a| a.iata.as_str().cmp(code)).ok().map(|i| &self.airports[i])
    }

    /// Cities matching "Name", "Name, CC", "Name, Subdivision" or "Name, Subdivision, CC";
    /// an area the source gives ("Java Island") serves as a subdivision.
    fn cities_named(&self, text: &str) -> Vec<&City> {
        let parts: Vec<String> = text.split(',').map(fold).collect();
        let in_subd = |c: &City, s: &String| c.subd_keys.contains(s);
        let in_country = |c: &City, cc: &String| c.country.eq_ignore_ascii_case(cc);
        self.cities
            .iter()
            .filter(|c| c.key == parts[0])
            .filter(|c| match &parts[1..] {
                [] => true,
                [either] => in_country(c, either) || in_subd(c, either),
                [subd, cc] => in_subd(c, subd) && in_country(c, cc),
                _ => false,
            })
            .collect()
    }
}

/// Groups airports into cities: same name and country, subdivisions merged when
/// their airports are near (see `SAME_CITY_KM`).
fn cities(airports: &[Airport], city_codes: &[CityCode]) -> Vec<City> {
    let in_city_code: HashSet<usize> = city_codes.iter().flat_map(|c| c.airports.iter().copied()).collect();
    let mut by_name: HashMap<(String, &str), Vec<usize>> = HashMap::new();
    for (i, a) in airports.iter().enumerate().filter(|(_, a)| !a.city.is_empty()) {
        by_name.entry((fold(&a.city), a.country.as_str())).or_default().push(i);
    }
    let mut cities = Vec::new();
    for ((key, country), members) in by_name {
        // One group per subdivision; groups with airports within SAME_CITY_KM of each other merge.
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for i in members {
            match groups.iter_mut().find(|g| airports[g[0]].subd == airports[i].subd) {
                Some(group) => group.push(i),
                None => groups.push(vec![i]),
            }
        }
        let near = |a: &[usize], b: &[usize]| {
            a.iter().any(|&i| b.iter().any(|&j| airport_km(&airports[i], &airports[j]) <= SAME_CITY_KM))
        };
        let mut merged: Vec<Vec<usize>> = Vec::new();
        for group in groups {
            let (close, apart): (Vec<Vec<usize>>, Vec<Vec<usize>>) = merged.into_iter().partition(|m| near(m, &group));
            merged = apart;
            merged.push(close.into_iter().flatten().chain(group).collect());
        }
        let several = merged.len() > 1;
        for mut group in merged {
            // The main airport first: one in a city code, then an "International", then by code.
            group.sort_by_key(|&i| {
                let a = &airports[i];
                let international = ["international", "intl"].iter().any(|w| a.name_key.contains(w));
                (!in_city_code.contains(&i), !international, a.iata.as_str())
            });
            let main = &airports[group[0]];
            let qualifier = if main.subd.is_empty() { &main.area } else { &main.subd };
            let label = if several && !qualifier.is_empty() {
                format!("{}, {qualifier}, {country}", main.city)
            } else {
                format!("{}, {country}", main.city)
            };
            let mut subd_keys: Vec<String> = group
                .iter()
                .flat_map(|&i| [&airports[i].subd, &airports[i].area])
                .filter(|s| !s.is_empty())
                .map(|s| fold(s))
                .collect();
            subd_keys.sort_unstable();
            subd_keys.dedup();
            cities.push(City {
                name: main.city.clone(),
                country: country.to_string(),
                label_key: fold(&label),
                label,
                airports: group,
                key: key.clone(),
                subd_keys,
            });
        }
    }
    cities.sort_by(|a, b| a.label.cmp(&b.label));
    cities
}

impl Airport {
    fn place(&self) -> Place {
        Place {
            label: self.iata.clone(),
            name: self.name.clone(),
            city: self.city.clone(),
            country: self.country.clone(),
            timezone: self.tz.clone(),
            lat: Some(self.lat),
            lon: Some(self.lon),
        }
    }
}

impl City {
    fn place(&self, table: &Table) -> Place {
        let (lat, lon) = mean_position(table, &self.airports);
        Place {
            label: self.label.clone(),
            name: self.name.clone(),
            city: self.name.clone(),
            country: self.country.clone(),
            timezone: table.airports[self.airports[0]].tz.clone(),
            lat: Some(lat),
            lon: Some(lon),
        }
    }

    /// How an error offers this city: "Portland, Oregon, US (PDX, HIO, TTD)".
    fn choice(&self, table: &Table) -> String {
        let codes: Vec<&str> = self.airports.iter().take(3).map(|&i| table.airports[i].iata.as_str()).collect();
        let more = if self.airports.len() > 3 { ", …" } else { "" };
        format!("{} ({}{more})", self.label, codes.join(", "))
    }
}

impl CityCode {
    fn place(&self, table: &Table) -> Place {
        let (lat, lon) = mean_position(table, &self.airports);
        Place {
            label: self.code.clone(),
            name: format!("{} (all airports)", self.city),
            city: self.city.clone(),
            country: self.country.clone(),
            timezone: table.airports[self.airports[0]].tz.clone(),
            lat: Some(lat),
            lon: Some(lon),
        }
    }
}

/// The plain mean of the airports' coordinates, to 4 decimals like the table: they
/// lie within some 100 km of each other, none across the date line.
fn mean_position(table: &Table, airports: &[usize]) -> (f64, f64) {
    let n = airports.len() as f64;
    let (lat, lon) =
        airports.iter().fold((0.0, 0.0), |(lat, lon), &i| (lat + table.airports[i].lat, lon + table.airports[i].lon));
    let round = |x: f64| (x / n * 10_000.0).round() / 10_000.0;
    (round(lat), round(lon))
}

fn airport_km(a: &Airport, b: &Airport) -> f64 {
    crate::travel::great_circle_km((a.lat, a.lon), (b.lat, b.lon))
}

/// Lower case without accents, so that "zurich" finds Zürich and "malmo" Malmö.
fn fold(text: &str) -> String {
    const PLAIN: &[(&str, &str)] = &[
        ("àáâãäåāăąảầậắẵ", "a"),
        ("æ", "ae"),
        ("çćčĉ", "c"),
        ("ďđðḑ", "d"),
        ("èéêëēęěệǝə", "e"),
        ("ğ", "g"),
        ("ḩ", "h"),
        ("ìíîïıīị", "i"),
        ("łľ", "l"),
        ("ñńň", "n"),
        ("òóôõöøōőơọồộ", "o"),
        ("œ", "oe"),
        ("ř", "r"),
        ("śşšș", "s"),
        ("ß", "ss"),
        ("ţťț", "t"),
        ("þ", "th"),
        ("ùúûüůűū", "u"),
        ("ýÿ", "y"),
        ("źżž", "z"),
        ("ʻʼ‘’´", "'"),
    ];
    let mut out = String::with_capacity(text.len());
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue; // a combining accent
        }
        match PLAIN.iter().find(|(accented, _)| accented.contains(c)) {
            Some((_, plain)) => out.push_str(plain),
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(err: Error) -> (String, String) {
        match err {
            Error::Invalid { field, message } => (field, message),
            other => panic!("expected an invalid field, got {other:?}"),
        }
    }

    #[test]
    fn airport_codes_resolve_in_any_case() {
        let sfo = resolve("from", "  sfo ").unwrap();
        assert_eq!(sfo.label, "SFO");
        assert_eq!(sfo.name, "San Francisco International Airport");
        assert_eq!((sfo.city.as_str(), sfo.country.as_str()), ("San Francisco", "US"));
        assert_eq!(sfo.timezone, "America/Los_Angeles");
        assert_eq!((sfo.lat, sfo.lon), (Some(37.6188), Some(-122.3754)));
    }

    #[test]
    fn city_codes_resolve_to_all_their_airports() {
        let london = resolve("to", "LON").unwrap();
        assert_eq!(london.label, "LON");
        assert_eq!(london.name, "London (all airports)");
        assert_eq!((london.city.as_str(), london.country.as_str()), ("London", "GB"));
        assert_eq!(london.timezone, "Europe/London");
        // The mean of LCY, LGW, LHR, LTN and STN.
        let lat = (51.5053 + 51.1481 + 51.4706 + 51.8747 + 51.8850) / 5.0;
        let lon = (0.0553 - 0.1903 - 0.4619 - 0.3683 + 0.2350) / 5.0;
        assert!((london.lat.unwrap() - lat).abs() < 1e-4 && (london.lon.unwrap() - lon).abs() < 1e-4, "{london:?}");
        assert_eq!(resolve("to", "BRU").unwrap().name, "Brussels Airport", "an airport code wins over a city code");
    }

    #[test]
    fn city_names_resolve_with_or_without_country() {
        let amsterdam = resolve("to", "Amsterdam").unwrap();
        assert_eq!(amsterdam.label, "Amsterdam, NL");
        assert_eq!(amsterdam.name, "Amsterdam");
        assert_eq!(amsterdam.timezone, "Europe/Amsterdam");
        assert_eq!((amsterdam.lat, amsterdam.lon), (Some(52.3086), Some(4.7639)), "Schiphol, its only airport");
        assert_eq!(resolve("to", "amsterdam, nl").unwrap(), amsterdam);

        let oregon = resolve("to", "Portland, Oregon").unwrap();
        assert_eq!(oregon.label, "Portland, Oregon, US");
        assert_eq!(oregon.timezone, "America/Los_Angeles");
        let maine = resolve("to", "Portland, Maine, US").unwrap();
        assert_eq!(maine.label, "Portland, Maine, US");
        assert_eq!(maine.timezone, "America/New_York");

        // Haneda is in Tokyo prefecture and Narita in Chiba, 60 km apart: one city.
        assert_eq!(resolve("to", "Tokyo").unwrap().label, "Tokyo, JP");
        assert_eq!(resolve("to", "Zurich").unwrap(), resolve("to", "Zürich").unwrap());
    }

    #[test]
    fn an_ambiguous_city_lists_what_to_type_instead() {
        let (field, text) = message(resolve("segments[0].to", "Portland").unwrap_err());
        assert_eq!(field, "segments[0].to");
        assert_eq!(
            text,
            "\"Portland\" is several places: Portland, Oregon, US (PDX, HIO, TTD); Portland, Maine, US (PWM); \
             write the airport code or one of these"
        );
        let (_, text) = message(resolve("to", "Portland, US").unwrap_err());
        assert!(text.contains("Portland, Oregon, US") && text.contains("Portland, Maine, US"), "{text}");
        let (_, text) = message(resolve("to", "london").unwrap_err());
        assert!(text.contains("London, GB (LCY, LGW, LHR, …)"), "{text}");
        assert!(text.contains("London, CA (YXU)") && text.contains("London, US (LOZ)"), "{text}");
        assert!(text.contains("LON (London, all airports)"), "{text}");
    }

    #[test]
    fn unknown_or_empty_text_names_the_field() {
        let (field, text) = message(resolve("segments[2].from", "Atlantis").unwrap_err());
        assert_eq!(field, "segments[2].from");
        assert_eq!(text, "no airport or city called \"Atlantis\"; type an IATA code such as SFO, or a city");
        assert_eq!(message(resolve("from", "  ").unwrap_err()), ("from".into(), "choose a place".into()));
        assert!(resolve("from", "Amsterdam, US").is_err(), "the country must match");
    }

    #[test]
    fn a_custom_place_keeps_its_zone_and_has_no_coordinates() {
        let venue = custom("to", " Schloss Elmau ", "Europe/Berlin").unwrap();
        assert_eq!(venue.label, "Schloss Elmau");
        assert_eq!(
            (venue.name.as_str(), venue.city.as_str(), venue.country.as_str()),
            ("Schloss Elmau", "Schloss Elmau", "")
        );
        assert_eq!(venue.timezone, "Europe/Berlin");
        assert_eq!((venue.lat, venue.lon), (None, None));
        assert_eq!(message(custom("to", "Schloss Elmau", "Europe/Elmau").unwrap_err()).0, "to.timezone");
        assert_eq!(message(custom("to", "", "Europe/Berlin").unwrap_err()).0, "to");
    }

    #[test]
    fn search_ranks_the_exact_code_first() {
        let found = search("ams", 10);
        assert_eq!(found[0].label, "AMS");
        assert!(found.iter().any(|p| p.label == "Amsterdam, NL"), "{found:?}");
        let labels: HashSet<&str> = found.iter().map(|p| p.label.as_str()).collect();
        assert_eq!(labels.len(), found.len(), "no duplicates");
        assert_eq!(search("lon", 5)[0].label, "LON", "a city code before cities called Lon…");
        assert_eq!(search("a", 7).len(), 7);
        assert!(search("  ", 10).is_empty());
    }

    #[test]
    fn search_finds_cities_by_prefix_then_their_airports() {
        let found = search("san fr", 10);
        assert_eq!(found[0].label, "San Francisco, US");
        assert!(found.iter().any(|p| p.label == "SFO"), "{found:?}");
        let heathrow = search("heathrow", 10);
        assert_eq!(heathrow[0].label, "LHR", "by a word of the airport's name");
    }

    #[test]
    fn every_label_resolves_back_to_its_place() {
        let table = &*TABLE;
        for city in &table.cities {
            let place = city.place(table);
            assert_eq!(resolve("to", &place.label).ok().as_ref(), Some(&place), "{}", city.label);
        }
        for city_code in &table.city_codes {
            let place = city_code.place(table);
            assert_eq!(resolve("to", &place.label).ok().as_ref(), Some(&place), "{}", city_code.code);
        }
        for query in ["ams", "san", "lo", "portland", "new y", "zür"] {
            for place in search(query, 50) {
                assert_eq!(resolve("to", &place.label).ok().as_ref(), Some(&place), "{query}: {}", place.label);
            }
        }
    }

    #[test]
    fn every_airport_zone_is_in_the_tz_database() {
        for airport in &TABLE.airports {
            assert!(zone::parse("tz", &airport.tz).is_ok(), "{} has zone {}", airport.iata, airport.tz);
        }
        assert!(TABLE.airports.len() > 7_800);
    }
}
