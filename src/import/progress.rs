//! A Progress cell as the coordinator left it: `40`, `40%`, `40.0`, a cell formatted as a
//! percentage (0.4), a formula's cached value. Anything else is refused, quoting the cell.

use super::read::Value;
use crate::model::Progress;

/// The progress a cell holds; `Ok(None)` when it is empty, `Err` with what was found
/// when it is not a whole number from 0 to 100.
pub fn progress(value: &Value, formats_unknown: bool) -> Result<Option<Progress>, String> {
    let whole = |n: f64| {
        let rounded = n.round();
        ((n - rounded).abs() < 1e-9 && (0.0..=100.0).contains(&rounded))
            .then(|| Progress::new(rounded as i64).ok())
            .flatten()
    };
    let found = || value.text();
    match value {
        Value::Empty => Ok(None),
        Value::Number(n) => match whole(*n) {
            Some(p) => Ok(Some(p)),
            // A percentage whose format was not read: 0.4 is 40%.
            None if formats_unknown && *n > 0.0 && *n < 1.0 => {
                whole(n * 100.0).map(Some).ok_or_else(found)
            }
            None => Err(found()),
        },
        Value::Percent(n) => whole(n * 100.0).map(Some).ok_or_else(found),
        Value::Text(text) => {
            let text = text.trim();
            if text.is_empty() {
                return Ok(None);
            }
            let number = text.strip_suffix('%').unwrap_or(text).trim_end().replace(',', ".");
            let parsed = number
                .parse::<f64>()
                .ok()
                .filter(|n| n.is_finite() && !number.contains(['e', 'E']));
            parsed.and_then(whole).map(Some).ok_or_else(|| text.to_string())
        }
        Value::Bool(_) | Value::Date(_) | Value::Error(_) => Err(found()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(value: Value) -> Result<Option<u8>, String> {
        progress(&value, false).map(|p| p.map(Progress::get))
    }

    #[test]
    fn every_way_of_typing_forty_is_forty() {
        for value in [
            Value::Number(40.0),
            Value::Text("40".into()),
            Value::Text(" 40 % ".into()),
            Value::Text("40.0".into()),
            Value::Text("40,0".into()),
            Value::Percent(0.4),
        ] {
            assert_eq!(p(value.clone()), Ok(Some(40)), "{value:?}");
        }
        assert_eq!(progress(&Value::Number(0.4), true), Ok(Progress::new(40).ok()));
        assert_eq!(p(Value::Empty), Ok(None));
        assert_eq!(p(Value::Percent(1.0)), Ok(Some(100)));
    }

    #[test]
    fn anything_else_is_refused_quoting_the_cell() {
        assert_eq!(p(Value::Text("cuarenta".into())), Err("cuarenta".into()));
        assert_eq!(p(Value::Number(40.5)), Err("40.5".into()));
        assert_eq!(p(Value::Number(140.0)), Err("140".into()));
        assert_eq!(p(Value::Number(0.4)), Err("0.4".into()));
        assert_eq!(p(Value::Text("-5".into())), Err("-5".into()));
        assert_eq!(p(Value::Text("4e1".into())), Err("4e1".into()));
        assert_eq!(p(Value::Text("NaN".into())), Err("NaN".into()));
        assert!(p(Value::Date("a date (44291)".into())).is_err());
        assert_eq!(p(Value::Error("#REF!".into())), Err("#REF!".into()));
    }
}
