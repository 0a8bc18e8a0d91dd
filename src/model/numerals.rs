//! Group numbers as the report writes them: Roman numerals (VIII), read back from numerals or
//! digits.

/// The Roman numeral of a 1-based group number (I, II, … XI, …).
pub fn numeral(number: usize) -> String {
    const TABLE: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut rest = number;
    let mut out = String::new();
    for (value, letters) in TABLE {
        while rest >= value {
            out.push_str(letters);
            rest -= value;
        }
    }
    out
}

/// Reads a group number written as a numeral (`VIII`, any case) or in digits (`8`); 1-based.
pub fn parse_group_number(text: &str) -> Option<usize> {
    let text = text.trim();
    if let Ok(n) = text.parse::<usize>() {
        return (n > 0).then_some(n);
    }
    let upper = text.to_ascii_uppercase();
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        'D' => Some(500),
        'M' => Some(1000),
        _ => None,
    };
    let digits: Option<Vec<usize>> = upper.chars().map(value).collect();
    let digits = digits.filter(|d| !d.is_empty())?;
    let mut total = 0;
    for (i, &d) in digits.iter().enumerate() {
        match digits.get(i + 1) {
            Some(&next) if next > d => total -= d as isize,
            _ => total += d as isize,
        }
    }
    let total = usize::try_from(total).ok().filter(|&n| n > 0)?;
    // Only canonical numerals: "IIII" or "VX" are typing mistakes, not numbers.
    (numeral(total) == upper).then_some(total)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numerals_round_trip() {
        for n in 1..=60 {
            assert_eq!(parse_group_number(&numeral(n)), Some(n), "{}", numeral(n));
        }
        assert_eq!(numeral(8), "VIII");
        assert_eq!(parse_group_number("viii"), Some(8));
        assert_eq!(parse_group_number("8"), Some(8));
        assert_eq!(parse_group_number("IIII"), None);
        assert_eq!(parse_group_number("0"), None);
        assert_eq!(parse_group_number("VIIIx"), None);
    }
}
