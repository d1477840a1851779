//! Paging of list results: `limit` and `offset` as the API accepts them.

use super::DomainError;

/// A validated page request: `1 <= limit <= max_limit`, `offset >= 0`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Page {
    limit: u64,
    offset: u64,
}

impl Page {
    /// Parses the raw query values; absent values take `default_limit` and 0.
    pub fn parse(
        limit: Option<&str>,
        offset: Option<&str>,
        default_limit: u64,
        max_limit: u64,
    ) -> Result<Page, DomainError> {
        let limit = match limit {
            None => default_limit.min(max_limit),
            Some(text) => match text.trim().parse::<u64>() {
                Ok(value) if (1..=max_limit).contains(&value) => value,
                _ => {
                    return Err(DomainError::InvalidLimit { value: text.to_owned(), max: max_limit });
                }
            },
        };
        let offset = match offset {
            None => 0,
            Some(text) => {
                text.trim().parse::<u64>().map_err(|_| DomainError::InvalidOffset { value: text.to_owned() })?
            }
        };
        Ok(Page { limit, offset })
    }

    pub fn limit(&self) -> u64 {
        self.limit
    }

    pub fn offset(&self) -> u64 {
        self.offset
    }

    /// The page after this one, if `matched` records leave any.
    pub fn next(&self, matched: u64) -> Option<Page> {
        let next_offset = self.offset.checked_add(self.limit)?;
        (next_offset < matched).then_some(Page { limit: self.limit, offset: next_offset })
    }

    /// The page before this one, if this is not the first.
    pub fn previous(&self) -> Option<Page> {
        (self.offset > 0).then(|| Page { limit: self.limit, offset: self.offset.saturating_sub(self.limit) })
    }
}

/// What a list request asks for: a page, optionally only records inside a box.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ListFilter {
    pub bbox: Option<crate::domain::geo::Bbox>,
    pub page: Page,
}

/// Parses a record id from a path segment: a positive integer.
pub fn parse_id(text: &str) -> Result<i64, DomainError> {
    match text.parse::<i64>() {
        Ok(id) if id > 0 => Ok(id),
        _ => Err(DomainError::InvalidId { value: text.to_owned() }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_apply_when_nothing_is_given() {
        assert_eq!(Page::parse(None, None, 100, 1000), Ok(Page { limit: 100, offset: 0 }));
    }

    #[test]
    fn out_of_range_values_are_rejected_with_the_value() {
        for bad in ["0", "1001", "-1", "ten", ""] {
            assert_eq!(
                Page::parse(Some(bad), None, 100, 1000),
                Err(DomainError::InvalidLimit { value: bad.to_owned(), max: 1000 })
            );
        }
        assert_eq!(
            Page::parse(None, Some("-5"), 100, 1000),
            Err(DomainError::InvalidOffset { value: "-5".to_owned() })
        );
    }

    #[test]
    fn next_and_previous_pages_stay_within_the_matches() {
        let page = Page::parse(Some("10"), Some("20"), 100, 1000).expect("valid page");
        assert_eq!(page.next(31), Some(Page { limit: 10, offset: 30 }));
        assert_eq!(page.next(30), None);
        assert_eq!(page.previous(), Some(Page { limit: 10, offset: 10 }));
        let first = Page::parse(Some("10"), Some("5"), 100, 1000).expect("valid page");
        assert_eq!(first.previous(), Some(Page { limit: 10, offset: 0 }));
    }

    #[test]
    fn ids_are_positive_integers() {
        assert_eq!(parse_id("42"), Ok(42));
        assert!(parse_id("0").is_err());
        assert!(parse_id("abc").is_err());
        assert!(parse_id("-3").is_err());
    }
}
