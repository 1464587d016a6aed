//! Calendar dates as the engine uses them: `YYYY-MM-DD`, with month arithmetic that clamps to the
//! end of shorter months (a course valid 12 months from 2024-02-29 is valid until 2025-02-28).

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A calendar date without time zone (`YYYY-MM-DD`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(NaiveDate);

/// A date that is not a valid `YYYY-MM-DD` calendar date: the text given. Its message says
/// whether the text is not in that form (`24/11/2026`) or names no day of the calendar
/// (`2026-02-30`: "February 2026 has 28 days").
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", date_problem(.0))]
pub struct DateError(pub String);

/// What is wrong with `text`, a date that did not read.
fn date_problem(text: &str) -> String {
    let number =
        |range: std::ops::Range<usize>| text.get(range).and_then(|t| t.parse::<u32>().ok());
    match (shaped(text), number(0..4), number(5..7)) {
        (true, _, Some(month)) if (1..=12).contains(&month) && number(8..10) == Some(0) => {
            format!("`{text}` is not a day of the calendar: there is no day 00")
        }
        (true, Some(year), Some(month)) if (1..=12).contains(&month) => {
            let days = i32::try_from(year)
                .ok()
                .and_then(|y| days_in_month(y, month))
                .unwrap_or(31);
            format!(
                "`{text}` is not a day of the calendar: month {month:02} of {year:04} has {days} days"
            )
        }
        (true, _, Some(month)) => {
            format!("`{text}` is not a day of the calendar: there is no month {month:02}")
        }
        _ => format!("`{text}` is not a date in the form YYYY-MM-DD"),
    }
}

/// Whether `text` has the shape `YYYY-MM-DD` (ten characters, digits and two hyphens).
fn shaped(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == 10
        && bytes.iter().enumerate().all(|(i, b)| match i {
            4 | 7 => *b == b'-',
            _ => b.is_ascii_digit(),
        })
}

/// The number of days in `month` (1–12) of `year`.
fn days_in_month(year: i32, month: u32) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let next = first.checked_add_months(Months::new(1))?;
    u32::try_from((next - first).num_days()).ok()
}

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

    /// The date as running text writes it: `November 24, 2026` in English, `24 novembre 2026`
    /// (`1er mars 2026`) in French; other languages keep `YYYY-MM-DD`, which reads everywhere.
    pub fn long(self, lang: &str) -> String {
        const EN: [&str; 12] = [
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
        const FR: [&str; 12] = [
            "janvier",
            "février",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "août",
            "septembre",
            "octobre",
            "novembre",
            "décembre",
        ];
        let (year, day) = (self.0.year(), self.0.day());
        let month = self.0.month0() as usize;
        match (lang, EN.get(month), FR.get(month)) {
            ("en", Some(name), _) => format!("{name} {day}, {year}"),
            ("fr", _, Some(name)) if day == 1 => format!("1er {name} {year}"),
            ("fr", _, Some(name)) => format!("{day} {name} {year}"),
            _ => self.to_string(),
        }
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        // Exactly YYYY-MM-DD: chrono alone would also accept signs and longer years.
        if !shaped(s) {
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
    fn a_refused_date_says_what_is_wrong_with_it() {
        let message = |text: &str| text.parse::<Date>().err().map(|e| e.to_string());
        assert_eq!(
            message("2026-02-30").as_deref(),
            Some("`2026-02-30` is not a day of the calendar: month 02 of 2026 has 28 days")
        );
        assert_eq!(
            message("2024-02-30").as_deref(),
            Some("`2024-02-30` is not a day of the calendar: month 02 of 2024 has 29 days")
        );
        assert_eq!(
            message("2026-01-00").as_deref(),
            Some("`2026-01-00` is not a day of the calendar: there is no day 00")
        );
        // Year 0 is a leap year (the proleptic Gregorian calendar).
        assert!("0000-02-29".parse::<Date>().is_ok());
        assert_eq!(
            message("0000-02-30").as_deref(),
            Some("`0000-02-30` is not a day of the calendar: month 02 of 0000 has 29 days")
        );
        assert_eq!(
            message("2026-13-01").as_deref(),
            Some("`2026-13-01` is not a day of the calendar: there is no month 13")
        );
        assert_eq!(
            message("24/11/2026").as_deref(),
            Some("`24/11/2026` is not a date in the form YYYY-MM-DD")
        );
    }

    #[test]
    fn long_dates_read_as_each_language_writes_them() {
        let date = |y, m, d| Date::from_ymd(y, m, d).unwrap();
        assert_eq!(date(2026, 11, 24).long("en"), "November 24, 2026");
        assert_eq!(date(2026, 11, 24).long("fr"), "24 novembre 2026");
        assert_eq!(date(2026, 3, 1).long("fr"), "1er mars 2026");
        assert_eq!(date(2026, 8, 2).long("fr"), "2 août 2026");
        // A language without month names here keeps the ISO form.
        assert_eq!(date(2026, 3, 1).long("es"), "2026-03-01");
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
