//! Numbers as officials write them, whatever the language: thousands grouped with commas and
//! changes with a sign and one decimal (a true minus sign, U+2212).

/// A whole number with thousands separators: 2,329,823.
///
/// ```
/// use banna_border::i18n::grouped;
/// assert_eq!(grouped(2_329_823), "2,329,823");
/// assert_eq!(grouped(-1000), "-1,000");
/// ```
pub fn grouped(value: i64) -> String {
    let digits = value.unsigned_abs().to_string();
    let mut out = String::new();
    for (index, digit) in digits.chars().enumerate() {
        if index > 0 && (digits.len() - index).is_multiple_of(3) {
            out.push(',');
        }
        out.push(digit);
    }
    if value < 0 { format!("-{out}") } else { out }
}

/// A change with its sign and one decimal: "+4.2", "−31.3" (a true minus sign), "0.0".
///
/// ```
/// use banna_border::i18n::signed;
/// assert_eq!(signed(-31.3), "−31.3");
/// assert_eq!(signed(4.2), "+4.2");
/// ```
pub fn signed(change: f64) -> String {
    if change < 0.0 {
        format!("−{:.1}", -change)
    } else if change > 0.0 {
        format!("+{change:.1}")
    } else {
        "0.0".to_owned()
    }
}
