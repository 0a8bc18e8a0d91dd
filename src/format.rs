//! Figures and dates as wgtrack writes them, in the app and in the exports alike: changes
//! with their sign, and the names of the months.

/// "+30", "−5", "0", or "" where there is no change to tell.
pub fn signed(delta: Option<i64>) -> String {
    match delta {
        Some(d) if d > 0 => format!("+{d}"),
        Some(d) if d < 0 => format!("−{}", -d),
        Some(_) => "0".to_string(),
        None => String::new(),
    }
}

/// A change in percentage points of a mean, rounded: "+2.5" keeps one decimal.
pub fn signed_points(delta: Option<f64>) -> String {
    match delta {
        Some(d) if d.abs() < 0.05 => "0".to_string(),
        Some(d) if d > 0.0 => format!("+{d:.1}"),
        Some(d) => format!("−{:.1}", -d),
        None => String::new(),
    }
}

/// Percentages (0–100) as a sparkline, one block a value, from ▁ for 0 to █ for 100.
pub fn sparkline(values: impl IntoIterator<Item = f64>) -> String {
    const BLOCKS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    values
        .into_iter()
        .map(|v| BLOCKS[((v.clamp(0.0, 100.0) / 100.0 * 7.0).round() as usize).min(7)])
        .collect()
}

/// A moment (seconds since the Unix epoch) as `YYYY-MM-DD HH:MM` in `zone`.
pub fn date_time(seconds: i64, zone: &jiff::tz::TimeZone) -> String {
    match jiff::Timestamp::from_second(seconds) {
        Ok(moment) => zone.to_datetime(moment).strftime("%Y-%m-%d %H:%M").to_string(),
        Err(_) => seconds.to_string(),
    }
}

/// The months in English, as the report writes them in dates.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The months in Spanish, as a Spanish report writes them in dates ("5 de abril de 2021").
pub const MONTHS_ES: [&str; 12] = [
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "octubre",
    "noviembre",
    "diciembre",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sparkline_has_a_block_a_value_from_low_to_full() {
        assert_eq!(sparkline([0.0, 8.0, 50.0, 100.0, 250.0]), "▁▂▅██");
        assert_eq!(sparkline([]), "");
    }

    #[test]
    fn a_moment_is_a_date_and_time_in_the_zone_given() {
        let zone = jiff::tz::TimeZone::fixed(jiff::tz::offset(-3));
        assert_eq!(date_time(1_609_459_200, &zone), "2020-12-31 21:00");
        assert_eq!(date_time(1_609_459_200, &jiff::tz::TimeZone::UTC), "2021-01-01 00:00");
    }
}
