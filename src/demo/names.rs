//! Name pools for invented demo records: Dai-, Hani- and Lahu-style village names with
//! a romanisation, and Chinese personal names. Every record built from them is marked demo.

/// Syllables of Dai (Tai Lü) village names after the prefix 曼 (Man, "village").
pub const DAI_SYLLABLES: [(&str, &str); 36] = [
    ("贺", "He"),
    ("景", "Jing"),
    ("龙", "Long"),
    ("别", "Bie"),
    ("垒", "Lei"),
    ("降", "Jiang"),
    ("回", "Hui"),
    ("掌", "Zhang"),
    ("养", "Yang"),
    ("列", "Lie"),
    ("井", "Jing"),
    ("丢", "Diu"),
    ("弄", "Nong"),
    ("飞", "Fei"),
    ("庄", "Zhuang"),
    ("迈", "Mai"),
    ("听", "Ting"),
    ("占", "Zhan"),
    ("播", "Bo"),
    ("火", "Huo"),
    ("囡", "Nan"),
    ("扫", "Sao"),
    ("窝", "Wo"),
    ("燕", "Yan"),
    ("纳", "Na"),
    ("哈", "Ha"),
    ("卡", "Ka"),
    ("累", "Lei"),
    ("老", "Lao"),
    ("勒", "Le"),
    ("远", "Yuan"),
    ("岗", "Gang"),
    ("洒", "Sa"),
    ("栋", "Dong"),
    ("光", "Guang"),
    ("赛", "Sai"),
];

/// Stems of Hani (Akha) village names.
pub const HANI_STEMS: [(&str, &str); 20] = [
    ("帕沙", "Pasha"),
    ("南糯", "Nannuo"),
    ("贺开", "Hekai"),
    ("巴达", "Bada"),
    ("章朗", "Zhanglang"),
    ("苏湖", "Suhu"),
    ("阿克", "Ake"),
    ("帕真", "Pazhen"),
    ("南本", "Nanben"),
    ("坝卡", "Baka"),
    ("丫口", "Yakou"),
    ("回珠", "Huizhu"),
    ("帕亮", "Paliang"),
    ("麻栗", "Mali"),
    ("竹林", "Zhulin"),
    ("帕点", "Padian"),
    ("南欠", "Nanqian"),
    ("曼搞", "Mangao"),
    ("帕宫", "Pagong"),
    ("老班", "Laoban"),
];

/// Suffixes of Hani village names.
pub const HANI_SUFFIXES: [(&str, &str); 3] = [("寨", "Zhai"), ("新寨", "Xinzhai"), ("老寨", "Laozhai")];

/// Stems of Lahu village names.
pub const LAHU_STEMS: [(&str, &str); 14] = [
    ("那卡", "Naka"),
    ("芒嘎", "Mangga"),
    ("南林", "Nanlin"),
    ("扎拉", "Zhala"),
    ("娜朵", "Naduo"),
    ("帮改", "Banggai"),
    ("扎倮", "Zhaluo"),
    ("戈的", "Gedi"),
    ("南戈", "Nange"),
    ("拉巴", "Laba"),
    ("扎发", "Zhafa"),
    ("老达", "Laoda"),
    ("糯福", "Nuofu"),
    ("扎约", "Zhayue"),
];

/// Suffixes of Lahu village names.
pub const LAHU_SUFFIXES: [(&str, &str); 3] = [("大寨", "Dazhai"), ("小寨", "Xiaozhai"), ("", "")];

/// Stems of Yao (Iu Mien) and Blang village names.
pub const MOUNTAIN_STEMS: [(&str, &str); 10] = [
    ("瑶家", "Yaojia"),
    ("新山", "Xinshan"),
    ("老曼峨", "Laomane"),
    ("班章", "Banzhang"),
    ("曼囡", "Mannan"),
    ("结良", "Jieliang"),
    ("坝散", "Basan"),
    ("章家", "Zhangjia"),
    ("新竜", "Xinlong"),
    ("曼新竜", "Manxinlong"),
];

/// Common surnames, with given-name characters, for invented officers and team members.
pub const SURNAMES: [&str; 24] = [
    "岩", "玉", "刀", "李", "王", "张", "杨", "罗", "周", "陈", "白", "石", "赵", "马", "胡", "徐", "朱", "高", "郭",
    "林", "黄", "何", "康", "段",
];
pub const GIVEN: [&str; 30] = [
    "香", "温", "罕", "丙", "光", "应", "帅", "明", "华", "琼", "叶", "静", "勇", "军", "强", "芳", "丽", "燕", "波",
    "涛", "宁", "安", "平", "庆", "新", "龙", "凤", "云", "海", "梅",
];
