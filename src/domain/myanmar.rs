//! Burmese text must be Unicode: a detector for text typed in the Zawgyi encoding.
//!
//! Zawgyi is a font hack, not an encoding of its own: it reuses the code points of the Myanmar
//! block (U+1000–U+109F) for the glyphs it draws, in the order they are drawn. Such text looks
//! right only on a phone with the Zawgyi font; printers, other phones and search see gibberish.
//! Unicode stores Burmese in a fixed logical order (Unicode Technical Note #11): consonant,
//! stacked consonant (U+1039 + consonant), medials ya, ra, wa, ha (U+103B–U+103E), vowel sign E
//! (U+1031), upper vowels, lower vowels, the vowel AA, anusvara, then asat and tone marks.
//!
//! [`detect_zawgyi`] reports the first sign of Zawgyi: a sequence Unicode Burmese cannot
//! contain, or a code point Zawgyi uses for its glyph variants. The rules, each a
//! [`ZawgyiSign`]:
//!
//! 1. the vowel sign E written before its consonant (Zawgyi keeps the visual order);
//! 2. U+1039 that does not stack a consonant (Zawgyi's asat, the "killer");
//! 3. a medial that follows no consonant (Zawgyi types medial ra, U+103B, before it);
//! 4. two medials out of Unicode's order ya < ra < wa < ha, or one repeated;
//! 5. U+103A followed by a vowel sign or a medial (in Zawgyi U+103A is medial ya);
//! 6. vowel signs out of Unicode's order (for example U+102F before U+102D);
//! 7. a code point Zawgyi uses for stacked consonants, ligatures and glyph variants: U+1033,
//!    U+1034 and U+1060–U+1097.
//!
//! Rule 7 would also refuse Mon, Karen and Shan text, which use U+1033, U+1034 and
//! U+1060–U+1097 for letters of their own. None of the languages this system serves is
//! written with them: of the Myanmar block it knows only Burmese (Tai Lü is written in the New
//! Tai Lue script), so a presentation form is taken as Zawgyi.
//!
//! Text without any Myanmar code point is never Zawgyi.
//!
//! ```
//! use banna_border::domain::myanmar::{ZawgyiSign, detect_zawgyi};
//! // "Myanmar" in Unicode, then as Zawgyi types it (medial ra first, U+1039 as asat).
//! assert_eq!(detect_zawgyi("\u{1019}\u{103C}\u{1014}\u{103A}\u{1019}\u{102C}"), None);
//! let found = detect_zawgyi("\u{103B}\u{1019}\u{1014}\u{1039}\u{1019}\u{102C}").unwrap();
//! assert_eq!((found.sign, found.position), (ZawgyiSign::MedialWithoutConsonant, 1));
//! ```

/// A sign that text is Zawgyi, not Unicode.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZawgyiSign {
    /// The vowel sign E (U+1031) does not follow a consonant or medial.
    VowelEBeforeConsonant,
    /// U+1039 is not followed by the consonant it would stack.
    KillerWithoutStack,
    /// A medial (U+103B–U+103E) does not follow a consonant.
    MedialWithoutConsonant,
    /// Medials out of the order ya, ra, wa, ha, or one repeated.
    MedialOrder,
    /// U+103A (asat) before a vowel sign or a medial.
    AsatBeforeVowel,
    /// Vowel signs in an order Unicode does not use.
    VowelOrder,
    /// A code point Zawgyi uses for a glyph variant.
    PresentationForm,
}

impl ZawgyiSign {
    /// The sign's name as Fluent selects on it (`$rule` of the problem messages).
    pub fn code(self) -> &'static str {
        match self {
            ZawgyiSign::VowelEBeforeConsonant => "vowel-e",
            ZawgyiSign::KillerWithoutStack => "killer",
            ZawgyiSign::MedialWithoutConsonant => "medial",
            ZawgyiSign::MedialOrder => "medial-order",
            ZawgyiSign::AsatBeforeVowel => "asat",
            ZawgyiSign::VowelOrder => "vowel-order",
            ZawgyiSign::PresentationForm => "form",
        }
    }
}

/// Where text first shows a sign of Zawgyi.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zawgyi {
    pub sign: ZawgyiSign,
    /// The offending character, counted in characters from 1.
    pub position: usize,
    pub character: char,
}

fn consonant(c: char) -> bool {
    ('\u{1000}'..='\u{1021}').contains(&c)
}

fn medial(c: char) -> bool {
    ('\u{103B}'..='\u{103E}').contains(&c)
}

/// Letters that carry dependent signs in Unicode Burmese: consonants, independent vowels, the
/// great sa, the symbol aforementioned and the Pali letters.
fn letter(c: char) -> bool {
    matches!(c, '\u{1000}'..='\u{102A}' | '\u{103F}' | '\u{104E}' | '\u{1050}'..='\u{1055}')
}

fn presentation_form(c: char) -> bool {
    matches!(c, '\u{1033}' | '\u{1034}' | '\u{1060}'..='\u{1097}')
}

/// The rank of a vowel sign in Unicode's storage order (`None` for other characters).
fn vowel_rank(c: char) -> Option<u8> {
    match c {
        '\u{1031}' => Some(1),
        '\u{102D}' | '\u{102E}' | '\u{1032}' => Some(2),
        '\u{102F}' | '\u{1030}' => Some(3),
        '\u{102B}' | '\u{102C}' => Some(4),
        '\u{1036}' => Some(5),
        _ => None,
    }
}

/// The first sign of Zawgyi in `text`, or `None` when the text may be Unicode.
pub fn detect_zawgyi(text: &str) -> Option<Zawgyi> {
    let chars: Vec<char> = text.chars().collect();
    for (index, &c) in chars.iter().enumerate() {
        let before = index.checked_sub(1).map(|at| chars[at]);
        let after = chars.get(index + 1).copied();
        let sign = if presentation_form(c) {
            Some(ZawgyiSign::PresentationForm)
        } else if c == '\u{1031}' && !before.is_some_and(|b| letter(b) || medial(b)) {
            Some(ZawgyiSign::VowelEBeforeConsonant)
        } else if c == '\u{1039}' && !after.is_some_and(consonant) {
            Some(ZawgyiSign::KillerWithoutStack)
        } else if medial(c) && before.is_some_and(medial) && before.is_some_and(|b| b >= c) {
            Some(ZawgyiSign::MedialOrder)
        } else if medial(c) && !before.is_some_and(|b| letter(b) || medial(b)) {
            Some(ZawgyiSign::MedialWithoutConsonant)
        } else if c == '\u{103A}'
            && after.is_some_and(|a| medial(a) || matches!(a, '\u{102B}'..='\u{102E}' | '\u{1031}' | '\u{1032}'))
        {
            // U+102F after asat is Unicode: ကျွန်ုပ် ("I") is spelled န + ် + ု.
            Some(ZawgyiSign::AsatBeforeVowel)
        } else if let (Some(rank), Some(previous)) = (vowel_rank(c), before.and_then(vowel_rank)) {
            (rank < previous).then_some(ZawgyiSign::VowelOrder)
        } else {
            None
        };
        if let Some(sign) = sign {
            return Some(Zawgyi { sign, position: index + 1, character: c });
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Builds text from code points, so the samples say exactly what they hold.
    fn text(points: &[u32]) -> String {
        points.iter().map(|point| char::from_u32(*point).expect("a code point")).collect()
    }

    fn sign(points: &[u32]) -> Option<(ZawgyiSign, usize)> {
        detect_zawgyi(&text(points)).map(|found| (found.sign, found.position))
    }

    #[test]
    fn unicode_burmese_passes() {
        let samples: [&[u32]; 10] = [
            // မြန်မာ "Myanmar": medial ra after its consonant, asat.
            &[0x1019, 0x103C, 0x1014, 0x103A, 0x1019, 0x102C],
            // ပြောသည် "says": consonant, medial, then the vowel E.
            &[0x1015, 0x103C, 0x1031, 0x102C, 0x101E, 0x100A, 0x103A],
            // ကျွန်ုပ် "I": ya before wa, and the u after an asat.
            &[0x1000, 0x103B, 0x103D, 0x1014, 0x103A, 0x102F, 0x1015, 0x103A],
            // ဥပဒေ "law": an independent vowel, then E after a consonant.
            &[0x1025, 0x1015, 0x1012, 0x1031],
            // နိုင်ငံ "country": upper vowel before lower vowel, anusvara last.
            &[0x1014, 0x102D, 0x102F, 0x1004, 0x103A, 0x1004, 0x1036],
            // မင်္ဂလာပါ "hello": kinzi (nga, asat, virama) stacking ga.
            &[0x1019, 0x1004, 0x103A, 0x1039, 0x1002, 0x101C, 0x102C, 0x1015, 0x102B],
            // ဗုဒ္ဓ "Buddha": a stacked consonant.
            &[0x1017, 0x102F, 0x1012, 0x1039, 0x1013],
            // ကျေးဇူးတင်ပါတယ် "thank you".
            &[
                0x1000, 0x103B, 0x1031, 0x1038, 0x1007, 0x1030, 0x1038, 0x1010, 0x1004, 0x103A, 0x1015, 0x102B, 0x1010,
                0x101A, 0x103A,
            ],
            // လျှော့ "reduce": ya and ha medials in order, E, AA, dot below.
            &[0x101C, 0x103B, 0x103E, 0x1031, 0x102C, 0x1037],
            // ခွင့် "permission": dot below before asat.
            &[0x1001, 0x103D, 0x1004, 0x1037, 0x103A],
        ];
        for sample in samples {
            assert_eq!(sign(sample), None, "{}", text(sample));
        }
    }

    #[test]
    fn text_without_myanmar_letters_passes() {
        for sample in ["", "Ai Kham", "岩温", "ᦺᦑᦟᦹᧉ", "ພາສາລາວ", "ภาษาไทย", "a ; b, c\n"]
        {
            assert_eq!(detect_zawgyi(sample), None, "{sample}");
        }
    }

    #[test]
    fn zawgyi_spellings_are_caught_and_located() {
        // ျမန္မာ: Zawgyi's medial ra (U+103B) before the consonant.
        assert_eq!(
            sign(&[0x103B, 0x1019, 0x1014, 0x1039, 0x1019, 0x102C]),
            Some((ZawgyiSign::MedialWithoutConsonant, 1))
        );
        // ေျပာသည္: the vowel E typed first.
        assert_eq!(
            sign(&[0x1031, 0x103B, 0x1015, 0x102C, 0x101E, 0x100A, 0x1039]),
            Some((ZawgyiSign::VowelEBeforeConsonant, 1))
        );
        // "Ai Kham ေက်း…": E after a space.
        assert_eq!(
            detect_zawgyi("Ai Kham \u{1031}\u{1000}\u{103A}\u{1038}").map(|found| (found.sign, found.position)),
            Some((ZawgyiSign::VowelEBeforeConsonant, 9))
        );
        // သူေျပာ: E after a vowel sign, mid-word.
        assert_eq!(
            sign(&[0x101E, 0x1030, 0x1031, 0x103B, 0x1015, 0x102C]),
            Some((ZawgyiSign::VowelEBeforeConsonant, 3))
        );
        // လာခဲ့သည္: U+1039 as the asat at the end.
        assert_eq!(
            sign(&[0x101C, 0x102C, 0x1001, 0x1032, 0x1037, 0x101E, 0x100A, 0x1039]),
            Some((ZawgyiSign::KillerWithoutStack, 8))
        );
        // တင္ ပါ: the asat before a space.
        assert_eq!(sign(&[0x1010, 0x1004, 0x1039, 0x20, 0x1015, 0x102B]), Some((ZawgyiSign::KillerWithoutStack, 3)));
        // က်ား "tiger": Zawgyi's medial ya (U+103A) before the vowel AA.
        assert_eq!(sign(&[0x1000, 0x103A, 0x102C, 0x1038]), Some((ZawgyiSign::AsatBeforeVowel, 2)));
        // က်ြ: medial ya then Zawgyi's wa (U+103C).
        assert_eq!(sign(&[0x1000, 0x103A, 0x103C]), Some((ZawgyiSign::AsatBeforeVowel, 2)));
        // မွြ: ha-then-wa typed out of order, and a repeated medial.
        assert_eq!(sign(&[0x1019, 0x103D, 0x103C]), Some((ZawgyiSign::MedialOrder, 3)));
        assert_eq!(sign(&[0x1019, 0x103B, 0x103B]), Some((ZawgyiSign::MedialOrder, 3)));
        // ကုိ: u typed before i.
        assert_eq!(sign(&[0x1000, 0x102F, 0x102D]), Some((ZawgyiSign::VowelOrder, 3)));
        // ကံု: anusvara before u.
        assert_eq!(sign(&[0x1000, 0x1036, 0x102F]), Some((ZawgyiSign::VowelOrder, 3)));
        // ႏိုင္ငံ: Zawgyi's variant of na (U+108F).
        assert_eq!(
            sign(&[0x108F, 0x102D, 0x102F, 0x1004, 0x1039, 0x1004, 0x1036]),
            Some((ZawgyiSign::PresentationForm, 1))
        );
        // ၿပီ and ကၽြန္ေတာ္: ra variants and the stacked forms of U+1060–U+1097.
        assert_eq!(sign(&[0x107F, 0x1015, 0x102E]), Some((ZawgyiSign::PresentationForm, 1)));
        assert_eq!(sign(&[0x1000, 0x107D]), Some((ZawgyiSign::PresentationForm, 2)));
        assert_eq!(sign(&[0x1000, 0x1033]), Some((ZawgyiSign::PresentationForm, 2)));
    }

    #[test]
    fn the_first_sign_is_reported_with_its_character() {
        let found = detect_zawgyi("\u{1019}\u{103C}\u{1014}\u{103A} \u{1031}\u{1000} \u{108F}").expect("Zawgyi");
        assert_eq!((found.sign, found.position, found.character), (ZawgyiSign::VowelEBeforeConsonant, 6, '\u{1031}'));
        let codes: Vec<&str> = [
            ZawgyiSign::VowelEBeforeConsonant,
            ZawgyiSign::KillerWithoutStack,
            ZawgyiSign::MedialWithoutConsonant,
            ZawgyiSign::MedialOrder,
            ZawgyiSign::AsatBeforeVowel,
            ZawgyiSign::VowelOrder,
            ZawgyiSign::PresentationForm,
        ]
        .into_iter()
        .map(ZawgyiSign::code)
        .collect();
        let mut unique = codes.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), codes.len(), "each rule has its own code");
    }
}
