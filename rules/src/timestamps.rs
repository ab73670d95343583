//! The backend's times, checked before they are shown.

/// Whether `text` is an RFC 3339 date and time, as the contract's times are
/// (`2026-11-22T10:05:00Z`, `2026-11-22T18:05:00.5+08:00`). The browser's
/// `Date` reads far more than that (`"2"` is a day in 2001, `"-1"` a day in
/// year 2), so a time is checked here first, and one that fails is shown
/// as unknown rather than as a wrong date.
pub fn is_rfc3339(text: &str) -> bool {
    let Some((date, time)) = text.split_at_checked(10) else {
        return false;
    };
    let (date, time) = (date.as_bytes(), time.as_bytes());
    let date_read = matches!(date, [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2]
        if [y1, y2, y3, y4].iter().all(|y| y.is_ascii_digit())
            && (1..=12).contains(&two_digits(*m1, *m2))
            && (1..=31).contains(&two_digits(*d1, *d2)));
    let Some((time, zone)) = time.split_at_checked(9) else {
        return false;
    };
    let time_read = matches!(time, [b'T' | b't' | b' ', h1, h2, b':', m1, m2, b':', s1, s2]
        if two_digits(*h1, *h2) <= 23 && two_digits(*m1, *m2) <= 59 && two_digits(*s1, *s2) <= 60);
    // A fraction of a second, then `Z` or an offset of hours and minutes.
    let zone = match zone {
        [b'.', fraction @ ..] => {
            let digits = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            if digits == 0 {
                return false;
            }
            &fraction[digits..]
        }
        _ => zone,
    };
    let zone_read = match zone {
        [b'Z' | b'z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => {
            two_digits(*h1, *h2) <= 23 && two_digits(*m1, *m2) <= 59
        }
        _ => false,
    };
    date_read && time_read && zone_read
}

/// A time as the browser's `Intl` writes it, with the time zone's name out
/// of the square brackets that ICU puts around it in zh-TW only
/// (`2026年11月22日 上午9:40 [UTC]`): written bare, as the other locales write
/// it, and as the incidents' own texts write their times (`UTC 時間 01:40`).
pub fn zone_unbracketed(written: &str) -> String {
    let zone = written.rfind('[').and_then(|open| {
        let close = open + written[open..].find(']')?;
        let zone = &written[open + 1..close];
        (!zone.is_empty() && !zone.contains(char::is_whitespace)).then_some((open, zone, close))
    });
    match zone {
        Some((open, zone, close)) => format!("{}{zone}{}", &written[..open], &written[close + 1..]),
        None => written.to_owned(),
    }
}

/// Two ASCII digits as a number; anything else as more than any field holds.
fn two_digits(tens: u8, ones: u8) -> u8 {
    if tens.is_ascii_digit() && ones.is_ascii_digit() {
        (tens - b'0') * 10 + (ones - b'0')
    } else {
        u8::MAX
    }
}

#[cfg(test)]
mod tests {
    use super::{is_rfc3339, zone_unbracketed};

    #[test]
    fn a_time_zone_is_written_without_brackets() {
        // As Chromium's ICU writes these, in UTC and in Shanghai.
        let written = [
            (
                "2026年11月22日 上午1:40 [UTC]",
                "2026年11月22日 上午1:40 UTC",
            ),
            (
                "2026年11月22日 上午9:40 [GMT+8]",
                "2026年11月22日 上午9:40 GMT+8",
            ),
            (
                "2026年11月21日 下午8:40 [EST]",
                "2026年11月21日 下午8:40 EST",
            ),
            // The other locales' are written bare already.
            ("2026年11月22日 GMT+8 09:40", "2026年11月22日 GMT+8 09:40"),
            ("Nov 22, 2026, 9:40 AM GMT+8", "Nov 22, 2026, 9:40 AM GMT+8"),
            ("22 nov 2026, 9:40 UTC", "22 nov 2026, 9:40 UTC"),
            // Brackets that hold no zone's name stay.
            ("[ ] 9:40", "[ ] 9:40"),
            ("9:40 []", "9:40 []"),
            ("9:40 [UTC", "9:40 [UTC"),
        ];
        for (browser, shown) in written {
            assert_eq!(zone_unbracketed(browser), shown);
        }
    }

    #[test]
    fn the_contracts_times_are_read() {
        for time in [
            "2026-11-22T10:05:00Z",
            "2026-11-22t10:05:00z",
            "2026-11-22 10:05:00Z",
            "2026-11-22T18:05:00.5+08:00",
            "2026-11-22T10:05:00.000+00:00",
            "2026-11-22T02:05:00.123456789-08:00",
            "2016-12-31T23:59:60Z",
        ] {
            assert!(is_rfc3339(time), "{time}");
        }
    }

    #[test]
    fn what_the_browser_would_misread_is_not() {
        for time in [
            "",
            "2",
            "-1",
            "yesterday",
            "-000001-01-01T00:00:00Z",
            "2026-11-22",
            "2026-11-22T10:05Z",
            "2026-11-22T10:05:00",
            "2026-13-22T10:05:00Z",
            "2026-00-22T10:05:00Z",
            "2026-11-00T10:05:00Z",
            "2026-11-32T10:05:00Z",
            "2026-11-22T24:05:00Z",
            "2026-11-22T10:60:00Z",
            "2026-11-22T10:05:61Z",
            "2026-11-22T10:05:00.Z",
            "2026-11-22T10:05:00+8:00",
            "2026-11-22T10:05:00+08:00 ",
            " 2026-11-22T10:05:00Z",
            "2026-11-22T10:05:00ZZ",
            "2026-11-22T10:05:00+24:00",
            "２０２６-11-22T10:05:00Z",
            "Sun, 22 Nov 2026 10:05:00 GMT",
        ] {
            assert!(!is_rfc3339(time), "{time}");
        }
    }
}
