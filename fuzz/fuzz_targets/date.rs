//! Dates as text: parsing never panics, a date that parses prints back to a text that parses to
//! the same date, and date arithmetic never panics.
#![no_main]

use competency_rules::Date;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: (&str, u32, u32)| {
    let (text, days, months) = data;
    let Ok(date) = text.parse::<Date>() else {
        return;
    };
    let printed = date.to_string();
    assert_eq!(printed.parse::<Date>().ok(), Some(date), "{text} -> {printed}");
    if let Some(later) = date.add_days(days) {
        assert!(date.days_until(later) == i64::from(days));
    }
    if let Some(later) = date.add_months(months) {
        assert!(later >= date);
    }
});
