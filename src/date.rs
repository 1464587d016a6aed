//! Calendar dates as the engine uses them: `YYYY-MM-DD`, with month arithmetic that clamps to the
//! end of shorter months (a course valid 12 months from 2024-02-29 is valid until 2025-02-28).

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date without time zone (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

/// A date that is not a valid `YYYY-MM-DD` calendar date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a date in the form YYYY-MM-DD")]
pub struct DateError(pub String);

impl Date {
    /// The date `year-month-day`, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, day).map(Self)
    }

    /// This date plus `months` calendar months, clamped to the last day of the month; `None` past year 262143.
    pub fn add_months(self, months: u32) -> Option<Self> {
        self.0.checked_add_months(Months::new(months)).map(Self)
    }

    /// This date plus `days` days.
    pub fn add_days(self, days: u32) -> Option<Self> {
        self.0
            .checked_add_days(chrono::Days::new(u64::from(days)))
            .map(Self)
    }

    /// Days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        (later.0 - self.0).num_days()
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.0.year()
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Exactly YYYY-MM-DD: chrono alone would also accept signs and longer years.
        let bytes = s.as_bytes();
        let shape_ok = bytes.len() == 10
            && bytes.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            });
        if !shape_ok {
            return Err(DateError(s.to_owned()));
        }
        // Digits were checked above; chrono's own parser would pull a format interpreter into
        // the WebAssembly build.
        let number =
            |range: std::ops::Range<usize>| s.get(range).and_then(|t| t.parse::<u32>().ok());
        let (Some(year), Some(month), Some(day)) = (number(0..4), number(5..7), number(8..10))
        else {
            return Err(DateError(s.to_owned()));
        };
        i32::try_from(year)
            .ok()
            .and_then(|year| NaiveDate::from_ymd_opt(year, month, day))
            .map(Self)
            .ok_or_else(|| DateError(s.to_owned()))
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0.year(),
            self.0.month(),
            self.0.day()
        )
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "format": "date",
            "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            "description": "A calendar date, YYYY-MM-DD."
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_only_strict_iso_dates() {
        assert_eq!(
            "2024-02-29".parse::<Date>().ok(),
            Date::from_ymd(2024, 2, 29)
        );
        for bad in [
            "2023-02-29",
            "2024-2-01",
            "+2024-01-01",
            "2024-01-01T00:00",
            "",
            "20240101",
        ] {
            assert!(bad.parse::<Date>().is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn month_arithmetic_clamps_to_month_end() {
        let leap = Date::from_ymd(2024, 2, 29);
        assert_eq!(
            leap.and_then(|d| d.add_months(12)),
            Date::from_ymd(2025, 2, 28)
        );
        let jan31 = Date::from_ymd(2025, 1, 31);
        assert_eq!(
            jan31.and_then(|d| d.add_months(1)),
            Date::from_ymd(2025, 2, 28)
        );
    }

    #[test]
    fn days_until_is_signed() {
        let (Some(a), Some(b)) = (Date::from_ymd(2025, 1, 1), Date::from_ymd(2025, 1, 31)) else {
            panic!("valid dates");
        };
        assert_eq!(a.days_until(b), 30);
        assert_eq!(b.days_until(a), -30);
    }
}
