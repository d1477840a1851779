//! Where the demo's villages and posts stand: townships by km range along the border, villages
//! 0–20 km inside China, posts whose sectors tile the whole line.

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names::{DAI_SYLLABLES, HANI_STEMS, HANI_SUFFIXES, LAHU_STEMS, LAHU_SUFFIXES, MOUNTAIN_STEMS};
use super::{Post, Township, Village};
use crate::border::{Border, Location, Side};

/// Number of invented villages (real places come on top).
pub const VILLAGES: usize = 160;
/// Number of key villages among them.
pub const KEY_VILLAGES: usize = 36;
/// Number of joint-defense posts.
pub const POSTS: usize = 28;
/// Villages stand at most this far from the line (metres).
pub const MAX_VILLAGE_DISTANCE_M: f64 = 19_500.0;

/// Border townships (real names) and the km stretch of the bundled line each is given here.
/// The stretches are an approximation: no open county or township polygon exists for the
/// prefecture (geodata/PROVENANCE.md §4), so they are cut in proportion to the official
/// county border lengths, with Daluo around Möng La and Mohan around the Mohan port.
const TOWNSHIPS: [(&str, &str, &str, f64); 11] = [
    ("532822", "勐阿镇", "Meng'a", 30.0),
    ("532822", "勐满镇", "Mengman", 45.0),
    ("532822", "打洛镇", "Daluo", 80.0),
    ("532822", "布朗山乡", "Bulangshan", 150.0),
    ("532801", "勐龙镇", "Menglong", 262.0),
    ("532823", "关累镇", "Guanlei", 330.0),
    ("532823", "勐捧镇", "Mengpeng", 395.0),
    ("532823", "磨憨镇", "Mohan", 465.0),
    ("532823", "勐腊镇", "Mengla", 545.0),
    ("532823", "勐伴镇", "Mengban", 605.0),
    ("532823", "易武镇", "Yiwu", f64::INFINITY),
];

pub fn townships(border: &Border) -> Vec<Township> {
    let length_km = border.length_km();
    let mut start_km = 0.0;
    TOWNSHIPS
        .iter()
        .enumerate()
        .map(|(index, (county_code, name_zh, name_en, end_km))| {
            let end_km = end_km.min(length_km);
            let township = Township {
                code: format!("{county_code}-T{:02}", index + 1),
                name_zh: (*name_zh).to_owned(),
                name_en: (*name_en).to_owned(),
                county_code,
                start_km,
                end_km,
            };
            start_km = end_km;
            township
        })
        .collect()
}

/// The township whose stretch holds `km`.
pub fn township_at(townships: &[Township], km: f64) -> usize {
    townships.iter().position(|township| km < township.end_km).unwrap_or(townships.len() - 1)
}

/// A real place from geodata/places.csv.
struct RealPlace {
    id: String,
    name_en: String,
    name_zh: String,
    kind: String,
    lon: f64,
    lat: f64,
}

fn real_places() -> Vec<RealPlace> {
    let text = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/geodata/places.csv"));
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .filter(|row| row.get(5) == Some("CN"))
        .filter_map(|row| {
            Some(RealPlace {
                id: row.get(0)?.to_owned(),
                name_en: row.get(1)?.to_owned(),
                name_zh: row.get(2)?.to_owned(),
                kind: row.get(3)?.to_owned(),
                lat: row.get(6)?.parse().ok()?,
                lon: row.get(7)?.parse().ok()?,
            })
        })
        .collect()
}

/// Real places with coordinates that are border crossings (ports) near the line.
fn real_ports(border: &Border) -> Vec<(RealPlace, Location)> {
    real_places()
        .into_iter()
        .filter(|place| place.kind.contains("port"))
        .filter_map(|place| {
            let near = border.locate(place.lon, place.lat)?;
            Some((place, near))
        })
        .filter(|(_, near)| near.distance_m <= MAX_VILLAGE_DISTANCE_M)
        .collect()
}

/// Ethnic style of a generated village.
#[derive(Clone, Copy)]
enum Style {
    Dai,
    Hani,
    Lahu,
    Blang,
    Yao,
}

fn style_for(county_code: &str, rng: &mut ChaCha8Rng) -> Style {
    let roll: f64 = rng.random();
    match county_code {
        "532822" => match roll {
            r if r < 0.45 => Style::Dai,
            r if r < 0.75 => Style::Hani,
            r if r < 0.90 => Style::Lahu,
            _ => Style::Blang,
        },
        "532801" => match roll {
            r if r < 0.50 => Style::Dai,
            r if r < 0.85 => Style::Hani,
            _ => Style::Lahu,
        },
        _ => match roll {
            r if r < 0.50 => Style::Dai,
            r if r < 0.85 => Style::Hani,
            _ => Style::Yao,
        },
    }
}

fn pick<T: Copy>(items: &[T], rng: &mut ChaCha8Rng) -> T {
    items[rng.random_range(0..items.len())]
}

fn village_name(style: Style, rng: &mut ChaCha8Rng) -> (String, String) {
    match style {
        Style::Dai => {
            let (a, a_en) = pick(&DAI_SYLLABLES, rng);
            if rng.random_bool(0.5) {
                (format!("曼{a}"), format!("Man{}", a_en.to_lowercase()))
            } else {
                let (b, b_en) = pick(&DAI_SYLLABLES, rng);
                (format!("曼{a}{b}"), format!("Man{}{}", a_en.to_lowercase(), b_en.to_lowercase()))
            }
        }
        Style::Hani => {
            let (stem, stem_en) = pick(&HANI_STEMS, rng);
            let (suffix, suffix_en) = pick(&HANI_SUFFIXES, rng);
            (format!("{stem}{suffix}"), format!("{stem_en} {suffix_en}"))
        }
        Style::Lahu => {
            let (stem, stem_en) = pick(&LAHU_STEMS, rng);
            let (suffix, suffix_en) = pick(&LAHU_SUFFIXES, rng);
            (format!("{stem}{suffix}"), format!("{stem_en} {suffix_en}").trim().to_owned())
        }
        Style::Blang | Style::Yao => {
            let (stem, stem_en) = pick(&MOUNTAIN_STEMS, rng);
            let (suffix, suffix_en) = pick(&[("", ""), ("上寨", "Shangzhai"), ("下寨", "Xiazhai")], rng);
            (format!("{stem}{suffix}"), format!("{stem_en} {suffix_en}").trim().to_owned())
        }
    }
}

fn people_of(style: Style, near_laos: bool, rng: &mut ChaCha8Rng) -> (Vec<&'static str>, Vec<&'static str>) {
    let (group, mut languages): (&'static str, Vec<&'static str>) = match style {
        Style::Dai => ("dai", vec!["khb", "zh"]),
        Style::Hani => ("hani", vec!["hni", "zh"]),
        Style::Lahu => ("lahu", vec!["lhu", "zh"]),
        Style::Blang => ("blang", vec!["blr", "khb", "zh"]),
        Style::Yao => ("yao", vec!["ium", "zh"]),
    };
    let mut groups = vec![group];
    if rng.random_bool(0.3) {
        groups.push("han");
    }
    if near_laos && rng.random_bool(0.3) {
        languages.push("lo");
    }
    (groups, languages)
}

/// Places `VILLAGES` villages 0.3–19.5 km inside China, spread over the townships in
/// proportion to their length, none closer than 800 m to another.
pub fn villages(border: &Border, townships: &[Township], rng: &mut ChaCha8Rng) -> Vec<Village> {
    let length_km = border.length_km();
    let laos_start_km = border.sections().last().map(|section| section.start_km).unwrap_or(length_km);
    let mut villages: Vec<Village> = Vec::with_capacity(VILLAGES + 8);
    let mut names = std::collections::HashSet::new();
    while villages.len() < VILLAGES {
        let km = rng.random_range(0.5..length_km - 0.5);
        let distance_m = 300.0 + (MAX_VILLAGE_DISTANCE_M - 300.0) * rng.random::<f64>().powf(1.6);
        let Some((lon, lat)) = border.offset(km, distance_m, Side::Cn) else {
            continue;
        };
        let Some(near) = border.locate(lon, lat) else {
            continue;
        };
        let crowded = villages.iter().any(|other| planar_m(other.lon, other.lat, lon, lat) < 800.0);
        if near.side != Side::Cn || near.distance_m > MAX_VILLAGE_DISTANCE_M || near.distance_m < 150.0 || crowded {
            continue;
        }
        let township = township_at(townships, near.border_km);
        let style = style_for(townships[township].county_code, rng);
        let (name_zh, name_en) = village_name(style, rng);
        if !names.insert(name_zh.clone()) {
            continue;
        }
        let (ethnic_groups, languages) = people_of(style, near.border_km >= laos_start_km, rng);
        let households = rng.random_range(28..=260);
        let population = (f64::from(households) * rng.random_range(3.4..4.8)).round() as i32;
        villages.push(Village {
            code: format!("DV{:04}", villages.len() + 1),
            name_zh,
            name_en,
            township,
            lon: round6(lon),
            lat: round6(lat),
            placed_km: near.border_km,
            households,
            population,
            ethnic_groups,
            languages,
            is_key: false,
            real_place: false,
        });
    }
    add_real_places(border, townships, &mut villages, rng);
    choose_key_villages(border, &mut villages, rng);
    villages
}

/// Real towns from places.csv that stand within range inside China join the villages under
/// their real names (their households and languages are invented).
fn add_real_places(border: &Border, townships: &[Township], villages: &mut Vec<Village>, rng: &mut ChaCha8Rng) {
    let laos_start_km = border.sections().last().map(|section| section.start_km).unwrap_or(f64::INFINITY);
    for place in real_places() {
        if place.kind.contains("port") || place.kind.contains("station") || place.kind.contains("prefecture") {
            continue;
        }
        let Some(near) = border.locate(place.lon, place.lat) else {
            continue;
        };
        if near.side != Side::Cn || near.distance_m > MAX_VILLAGE_DISTANCE_M {
            continue;
        }
        let (ethnic_groups, languages) = people_of(Style::Dai, near.border_km >= laos_start_km, rng);
        let households = rng.random_range(300..=900);
        villages.push(Village {
            code: format!("RP-{}", place.id),
            name_zh: place.name_zh,
            name_en: place.name_en,
            township: township_at(townships, near.border_km),
            lon: place.lon,
            lat: place.lat,
            placed_km: near.border_km,
            households,
            population: (f64::from(households) * 3.9).round() as i32,
            ethnic_groups,
            languages,
            is_key: false,
            real_place: true,
        });
    }
}

/// Key villages: mostly the ones closest to the line, some chosen at random.
fn choose_key_villages(border: &Border, villages: &mut [Village], rng: &mut ChaCha8Rng) {
    let mut by_distance: Vec<(usize, f64)> = villages
        .iter()
        .enumerate()
        .filter(|(_, village)| !village.real_place)
        .map(|(index, village)| {
            let distance_m = border.locate(village.lon, village.lat).map_or(f64::INFINITY, |near| near.distance_m);
            (index, distance_m + rng.random_range(0.0..4000.0))
        })
        .collect();
    by_distance.sort_by(|a, b| a.1.total_cmp(&b.1));
    for (index, _) in by_distance.into_iter().take(KEY_VILLAGES) {
        villages[index].is_key = true;
    }
}

/// `POSTS` posts whose sectors tile [0, length] exactly; each post stands 1–5 km inside China
/// from its sector's middle, or at the real Mohan port when its sector holds the port.
pub fn posts(border: &Border, townships: &[Township], villages: &[Village], rng: &mut ChaCha8Rng) -> Vec<Post> {
    let length_km = border.length_km();
    let weights: Vec<f64> = (0..POSTS).map(|_| rng.random_range(0.7..1.3)).collect();
    let total: f64 = weights.iter().sum();
    let ports = real_ports(border);
    let mut posts = Vec::with_capacity(POSTS);
    let mut start_km = 0.0;
    let mut used_names = std::collections::HashSet::new();
    for (index, weight) in weights.iter().enumerate() {
        let end_km = if index + 1 == POSTS { length_km } else { start_km + length_km * weight / total };
        let middle_km = (start_km + end_km) / 2.0;
        let port = ports.iter().find(|(_, near)| (start_km..end_km).contains(&near.border_km));
        let (lon, lat, name_zh, name_en) = if let Some((place, _)) = port {
            (place.lon, place.lat, format!("{}联防所", place.name_zh), format!("{} joint-defense post", place.name_en))
        } else {
            let (lon, lat) = place_inside(border, middle_km, rng);
            let village = nearest_village(villages, lon, lat);
            let mut name_zh = format!("{}边境联防所", village.name_zh);
            let mut name_en = format!("{} border joint-defense post", village.name_en);
            if !used_names.insert(name_zh.clone()) {
                name_zh = format!("{}第二边境联防所", village.name_zh);
                name_en = format!("{} border joint-defense post 2", village.name_en);
            }
            (lon, lat, name_zh, name_en)
        };
        posts.push(Post {
            code: format!("DP{:02}", index + 1),
            name_zh,
            name_en,
            township: township_at(townships, middle_km),
            lon: round6(lon),
            lat: round6(lat),
            sector_start_km: start_km,
            sector_end_km: end_km,
            staff: rng.random_range(4..=12),
        });
        start_km = end_km;
    }
    posts
}

fn place_inside(border: &Border, km: f64, rng: &mut ChaCha8Rng) -> (f64, f64) {
    let mut fallback = None;
    for _ in 0..64 {
        let distance_m = rng.random_range(1000.0..5000.0);
        let along_km = km + rng.random_range(-2.0..2.0);
        let Some((lon, lat)) = border.offset(along_km, distance_m, Side::Cn) else {
            continue;
        };
        fallback.get_or_insert((lon, lat));
        if border.locate(lon, lat).is_some_and(|near| near.side == Side::Cn && near.distance_m > 500.0) {
            return (lon, lat);
        }
    }
    fallback.unwrap_or_else(|| border.point_at(km).map(|station| (station.lon, station.lat)).unwrap_or((0.0, 0.0)))
}

fn nearest_village(villages: &[Village], lon: f64, lat: f64) -> &Village {
    villages
        .iter()
        .min_by(|a, b| planar_m(a.lon, a.lat, lon, lat).total_cmp(&planar_m(b.lon, b.lat, lon, lat)))
        .unwrap_or(&villages[0])
}

/// Planar distance in metres (equirectangular), good enough to space demo points.
pub fn planar_m(lon_a: f64, lat_a: f64, lon_b: f64, lat_b: f64) -> f64 {
    let cos_lat = ((lat_a + lat_b) / 2.0).to_radians().cos();
    let dx = (lon_b - lon_a) * cos_lat * 111_320.0;
    let dy = (lat_b - lat_a) * 110_574.0;
    (dx * dx + dy * dy).sqrt()
}

/// Rounds a coordinate to 6 decimals (about 0.1 m), as stored.
pub fn round6(value: f64) -> f64 {
    (value * 1e6).round() / 1e6
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchor_places_fall_in_their_townships() {
        let border = Border::bundled();
        let townships = townships(border);
        let mong_la = border.locate(100.04, 21.663889).expect("locates");
        let mohan = border.locate(101.682393, 21.185583).expect("locates");
        assert_eq!(
            townships[township_at(&townships, mong_la.border_km)].name_zh,
            "打洛镇",
            "Möng La at km {}",
            mong_la.border_km
        );
        assert_eq!(
            townships[township_at(&townships, mohan.border_km)].name_zh,
            "磨憨镇",
            "Mohan at km {}",
            mohan.border_km
        );
        assert!(mong_la.side == Side::Abroad && mohan.distance_m < 2000.0);
    }

    #[test]
    fn real_ports_are_found_near_the_line() {
        let ports = real_ports(Border::bundled());
        assert!(ports.iter().any(|(place, near)| place.id == "mohan_port" && near.distance_m < 2000.0));
    }
}
