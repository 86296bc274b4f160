//! A calendar date without time zone, as HSDS writes `assured_date` and
//! `valid_from`: `YYYY-MM-DD`.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A proleptic Gregorian calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Why a date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a valid YYYY-MM-DD date: {text:?}")]
pub struct DateError {
    /// The text that was refused (cut to 40 characters).
    pub text: String,
}

impl Date {
    /// The earliest date carenav represents, 0001-01-01.
    pub const MIN: Date = Date {
        year: 1,
        month: 1,
        day: 1,
    };

    /// Builds a date, checking month and day (leap years included).
    ///
    /// ```
    /// use carenav_core::Date;
    /// assert!(Date::new(2024, 2, 29).is_some());
    /// assert!(Date::new(2023, 2, 29).is_none());
    /// ```
    pub fn new(year: i32, month: u8, day: u8) -> Option<Self> {
        let ok = (1..=9999).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        ok.then_some(Date { year, month, day })
    }

    /// Year.
    pub fn year(self) -> i32 {
        self.year
    }

    /// Month, 1..=12.
    pub fn month(self) -> u8 {
        self.month
    }

    /// Day of the month, 1..=31.
    pub fn day(self) -> u8 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days_since_epoch(self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` days after 1970-01-01 (None outside years 1..=9999).
    ///
    /// ```
    /// use carenav_core::Date;
    /// let d = Date::new(2026, 11, 28).unwrap();
    /// assert_eq!(Date::from_days_since_epoch(d.days_since_epoch()), Some(d));
    /// ```
    pub fn from_days_since_epoch(days: i64) -> Option<Self> {
        // Howard Hinnant's civil_from_days.
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// Day of the week.
    pub fn weekday(self) -> crate::Weekday {
        // 1970-01-01 was a Thursday (index 3 from Monday).
        let index = (self.days_since_epoch() + 3).rem_euclid(7) as usize;
        crate::Weekday::ALL[index]
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i64 {
        later.days_since_epoch() - self.days_since_epoch()
    }

    /// Reads `YYYY-MM-DD`, also the date part of an RFC 3339 date-time
    /// (`2024-05-01T10:00:00Z`).
    pub fn parse(text: &str) -> Result<Self, DateError> {
        let err = || DateError {
            text: text.chars().take(40).collect(),
        };
        let text = text.trim();
        let head = text.get(..10).ok_or_else(err)?;
        if text.len() > 10 && !text[10..].starts_with(['T', 't', ' ']) {
            return Err(err());
        }
        let bytes = head.as_bytes();
        if bytes[4] != b'-' || bytes[7] != b'-' {
            return Err(err());
        }
        let year = head[..4].parse().map_err(|_| err())?;
        let month = head[5..7].parse().map_err(|_| err())?;
        let day = head[8..10].parse().map_err(|_| err())?;
        Date::new(year, month, day).ok_or_else(err)
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl FromStr for Date {
    type Err = DateError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Date::parse(s)
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
        Date::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use rstest::rstest;

    use super::*;

    #[rstest]
    #[case("2014-04-23", Some((2014, 4, 23)))]
    #[case("2024-02-29T10:00:00Z", Some((2024, 2, 29)))]
    #[case("2023-02-29", None)]
    #[case("2014-4-23", None)]
    #[case("2014-04-23x", None)]
    #[case("", None)]
    #[case("été-01-01", None)]
    fn parses_iso_dates(#[case] text: &str, #[case] expected: Option<(i32, u8, u8)>) {
        let got = Date::parse(text)
            .ok()
            .map(|d| (d.year(), d.month(), d.day()));
        assert_eq!(got, expected);
    }

    #[test]
    fn counts_days_across_leap_years() {
        let a = Date::new(1970, 1, 1).expect("valid date");
        assert_eq!(a.days_since_epoch(), 0);
        let b = Date::new(2000, 3, 1).expect("valid date");
        assert_eq!(b.days_since_epoch(), 11_017);
        assert_eq!(
            Date::new(2024, 1, 1)
                .expect("valid date")
                .days_until(Date::new(2025, 1, 1).expect("valid date")),
            366
        );
    }
}
