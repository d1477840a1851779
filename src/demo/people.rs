//! Departments, liaison officers and legal-outreach teams of the demo (invented people).

use rand::Rng;
use rand_chacha::ChaCha8Rng;

use super::names::{GIVEN, SURNAMES};
use super::{Department, Member, Team, Township, Unit, User};
use crate::domain::outreach::Level;

/// Prefecture-level member units (kinds of body found in any Chinese prefecture).
const PREFECTURE_UNITS: [(&str, &str); 22] = [
    ("州委政法委", "Prefecture Political-Legal Affairs Commission"),
    ("州公安局", "Prefecture Public Security Bureau"),
    ("州司法局", "Prefecture Justice Bureau"),
    ("州民族宗教事务委员会", "Prefecture Ethnic and Religious Affairs Commission"),
    ("州农业农村局", "Prefecture Agriculture and Rural Affairs Bureau"),
    ("州卫生健康委员会", "Prefecture Health Commission"),
    ("州教育体育局", "Prefecture Education and Sports Bureau"),
    ("州交通运输局", "Prefecture Transport Bureau"),
    ("州自然资源局", "Prefecture Natural Resources Bureau"),
    ("州林业和草原局", "Prefecture Forestry and Grassland Bureau"),
    ("州商务局", "Prefecture Commerce Bureau"),
    ("州人力资源和社会保障局", "Prefecture Human Resources and Social Security Bureau"),
    ("州民政局", "Prefecture Civil Affairs Bureau"),
    ("州财政局", "Prefecture Finance Bureau"),
    ("州住房和城乡建设局", "Prefecture Housing and Urban-Rural Development Bureau"),
    ("州水务局", "Prefecture Water Affairs Bureau"),
    ("州文化和旅游局", "Prefecture Culture and Tourism Bureau"),
    ("州市场监督管理局", "Prefecture Market Regulation Bureau"),
    ("州生态环境局", "Prefecture Ecology and Environment Bureau"),
    ("州总工会", "Prefecture Federation of Trade Unions"),
    ("州妇女联合会", "Prefecture Women's Federation"),
    ("共青团州委", "Prefecture Communist Youth League Committee"),
];

/// County-level member units, repeated for each county.
const COUNTY_UNITS: [(&str, &str); 6] = [
    ("政法委", "Political-Legal Affairs Commission"),
    ("公安局", "Public Security Bureau"),
    ("司法局", "Justice Bureau"),
    ("农业农村局", "Agriculture and Rural Affairs Bureau"),
    ("民族宗教事务局", "Ethnic and Religious Affairs Bureau"),
    ("人民法院", "People's Court"),
];

const COUNTIES: [(&str, &str, &str); 3] =
    [("532801", "景洪市", "Jinghong"), ("532822", "勐海县", "Menghai"), ("532823", "勐腊县", "Mengla")];

pub fn departments(townships: &[Township]) -> Vec<Department> {
    let mut departments = Vec::new();
    for (name_zh, name_en) in PREFECTURE_UNITS {
        departments.push(Department {
            code: format!("DD{:03}", departments.len() + 1),
            name_zh: name_zh.to_owned(),
            name_en: name_en.to_owned(),
            kind: "member_unit",
            unit: Unit::Code("532800"),
        });
    }
    for (county_code, county_zh, county_en) in COUNTIES {
        for (name_zh, name_en) in COUNTY_UNITS {
            departments.push(Department {
                code: format!("DD{:03}", departments.len() + 1),
                name_zh: format!("{county_zh}{name_zh}"),
                name_en: format!("{county_en} {name_en}"),
                kind: "member_unit",
                unit: Unit::Code(county_code),
            });
        }
    }
    for (index, township) in townships.iter().enumerate() {
        departments.push(Department {
            code: format!("DD{:03}", departments.len() + 1),
            name_zh: format!("{}司法所", township.name_zh),
            name_en: format!("{} Justice Station", township.name_en),
            kind: "township_station",
            unit: Unit::Township(index),
        });
    }
    departments
}

pub fn person_name(rng: &mut ChaCha8Rng) -> String {
    let surname = SURNAMES[rng.random_range(0..SURNAMES.len())];
    let given: String = (0..rng.random_range(1..=2)).map(|_| GIVEN[rng.random_range(0..GIVEN.len())]).collect();
    format!("{surname}{given}")
}

/// Two liaison officers per department. They have no password: demo officers cannot log in.
pub fn liaison_officers(departments: &[Department], rng: &mut ChaCha8Rng) -> Vec<User> {
    let mut users = Vec::new();
    for (index, department) in departments.iter().enumerate() {
        for _ in 0..2 {
            users.push(User {
                username: format!("demo.liaison.{:03}", users.len() + 1),
                display_name: person_name(rng),
                role: "liaison_officer",
                unit: department.unit.clone(),
                department: Some(index),
                languages: vec!["zh"],
            });
        }
    }
    users
}

/// Languages a team member of a county may speak besides Chinese (each at a level).
fn county_languages(county_code: &str) -> &'static [&'static str] {
    match county_code {
        "532822" => &["khb", "hni", "lhu", "blr", "my"],
        "532801" => &["khb", "hni", "lhu", "my", "th"],
        _ => &["khb", "hni", "ium", "lo", "th"],
    }
}

/// Four outreach teams per county, five members each.
pub fn teams(rng: &mut ChaCha8Rng) -> Vec<Team> {
    let mut teams = Vec::new();
    for (county_code, county_zh, county_en) in COUNTIES {
        for number in 1..=4 {
            let pool = county_languages(county_code);
            let members = (0..5)
                .map(|_| {
                    let chinese = if rng.random_bool(0.6) { Level::Native } else { Level::Fluent };
                    let mut languages = vec![("zh", chinese)];
                    for extra in 0..rng.random_range(1..=2) {
                        let language = pool[rng.random_range(0..pool.len())];
                        // The first other language is often the member's own; a second one is
                        // more often learnt, and spoken less well.
                        let level = match (extra, rng.random_range(0..10)) {
                            (0, 0..=4) => Level::Native,
                            (0, 5..=7) | (_, 0..=3) => Level::Fluent,
                            _ => Level::Basic,
                        };
                        if !languages.iter().any(|(known, _)| *known == language) {
                            languages.push((language, level));
                        }
                    }
                    Member { name: person_name(rng), languages }
                })
                .collect();
            teams.push(Team {
                code: format!("DT{:02}", teams.len() + 1),
                name_zh: format!("{county_zh}普法宣讲第{number}队"),
                name_en: format!("{county_en} legal-outreach team {number}"),
                county_code,
                members,
            });
        }
    }
    teams
}
