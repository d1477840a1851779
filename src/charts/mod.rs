//! Server-rendered charts: pure functions from plain numbers and already localized labels to
//! SVG text, drawn with `plotters`' SVG backend (which writes `<text>` elements and leaves the
//! glyphs to the browser, so no font is needed on the server). No HTTP, no database.

pub mod border_strip;

/// A chart could not be drawn.
#[derive(Debug, thiserror::Error)]
pub enum ChartError {
    #[error("the chart could not be drawn: {0}")]
    Drawing(String),
}

/// Escapes text for an XML element or a double-quoted attribute.
pub(crate) fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            other => out.push(other),
        }
    }
    out
}

/// Gives a chart's `<svg>` element an accessible name and description: `role="img"`, a
/// `<title>` and a `<desc>` as its first children, referenced by `aria-labelledby`. `id` must be
/// unique within the page that embeds the SVG inline.
pub(crate) fn with_title_and_desc(svg: &str, id: &str, title: &str, desc: &str) -> Result<String, ChartError> {
    let open_end = svg
        .find("<svg ")
        .and_then(|start| svg[start..].find('>').map(|end| start + end + 1))
        .ok_or_else(|| ChartError::Drawing("no <svg> element".to_owned()))?;
    let (open, rest) = svg.split_at(open_end);
    let attributes = format!(r#"<svg role="img" aria-labelledby="{id}-title {id}-desc" "#);
    Ok(format!(
        "{}\n<title id=\"{id}-title\">{}</title>\n<desc id=\"{id}-desc\">{}</desc>{rest}",
        open.replacen("<svg ", &attributes, 1),
        escape_xml(title),
        escape_xml(desc),
    ))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A small well-formedness check: every tag is closed in order, attribute values are
    /// quoted, and `&` only starts one of the five predefined entities or a character reference.
    /// Returns the element names in document order.
    pub(crate) fn check_xml(text: &str) -> Result<Vec<String>, String> {
        let mut stack: Vec<String> = Vec::new();
        let mut names = Vec::new();
        let mut rest = text;
        while let Some(start) = rest.find(['<', '&']) {
            check_text(&rest[..start])?;
            rest = &rest[start..];
            if rest.starts_with('&') {
                let end = rest.find(';').ok_or("unterminated entity")?;
                let entity = &rest[1..end];
                let known = ["lt", "gt", "amp", "quot", "apos"].contains(&entity)
                    || entity.strip_prefix("#x").is_some_and(|hex| u32::from_str_radix(hex, 16).is_ok())
                    || entity.strip_prefix('#').is_some_and(|dec| dec.parse::<u32>().is_ok());
                if !known {
                    return Err(format!("unknown entity &{entity};"));
                }
                rest = &rest[end + 1..];
                continue;
            }
            if let Some(after) = rest.strip_prefix("<?") {
                rest = &after[after.find("?>").ok_or("unterminated declaration")? + 2..];
                continue;
            }
            if let Some(after) = rest.strip_prefix("<!--") {
                rest = &after[after.find("-->").ok_or("unterminated comment")? + 3..];
                continue;
            }
            let end = tag_end(rest).ok_or("unterminated tag")?;
            let tag = &rest[1..end];
            rest = &rest[end + 1..];
            if let Some(name) = tag.strip_prefix('/') {
                match stack.pop() {
                    Some(open) if open == name.trim() => {}
                    other => return Err(format!("</{name}> closes {other:?}")),
                }
                continue;
            }
            let self_closing = tag.ends_with('/');
            let body = tag.trim_end_matches('/');
            let name = body.split_whitespace().next().ok_or("empty tag")?.to_owned();
            check_attributes(&body[name.len()..])?;
            names.push(name.clone());
            if !self_closing {
                stack.push(name);
            }
        }
        check_text(rest)?;
        if !stack.is_empty() {
            return Err(format!("unclosed {stack:?}"));
        }
        Ok(names)
    }

    fn check_text(text: &str) -> Result<(), String> {
        if text.contains('>') { Err(format!("bare > in {text:?}")) } else { Ok(()) }
    }

    /// The index of the `>` closing the tag at the start of `text`, outside quoted values.
    fn tag_end(text: &str) -> Option<usize> {
        let mut quote = None;
        for (index, c) in text.char_indices().skip(1) {
            match (quote, c) {
                (None, '"' | '\'') => quote = Some(c),
                (Some(q), c) if c == q => quote = None,
                (None, '>') => return Some(index),
                (None, '<') => return None,
                _ => {}
            }
        }
        None
    }

    fn check_attributes(mut text: &str) -> Result<(), String> {
        loop {
            text = text.trim_start();
            if text.is_empty() {
                return Ok(());
            }
            let eq = text.find('=').ok_or_else(|| format!("attribute without value in {text:?}"))?;
            let value = text[eq + 1..].trim_start();
            let quote = value.chars().next().filter(|c| *c == '"' || *c == '\'').ok_or("unquoted value")?;
            let close = value[1..].find(quote).ok_or("unterminated value")? + 1;
            if value[1..close].contains('<') {
                return Err("< in an attribute value".to_owned());
            }
            text = &value[close + 1..];
        }
    }

    #[test]
    fn the_checker_refuses_broken_xml() {
        assert!(check_xml("<a><b/></a>").is_ok());
        assert!(check_xml("<a><b></a>").is_err());
        assert!(check_xml("<a>x & y</a>").is_err());
        assert!(check_xml("<a>x < y</a>").is_err());
        assert!(check_xml(r#"<a k="1>"#).is_err());
        assert!(check_xml("<a k=1/>").is_err());
        assert_eq!(check_xml(r#"<?xml version="1.0"?><a t="&amp;">&#x4e2d;</a>"#), Ok(vec!["a".to_owned()]));
    }

    #[test]
    fn title_and_desc_come_first_and_are_escaped() {
        let svg = r#"<svg width="10" height="10" viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg">
<rect x="0" y="0" width="1" height="1"/>
</svg>"#;
        let out = with_title_and_desc(svg, "chart", "A < B & \"C\"", "D").unwrap();
        assert_eq!(check_xml(&out).unwrap(), vec!["svg", "title", "desc", "rect"]);
        assert!(out.starts_with(r#"<svg role="img" aria-labelledby="chart-title chart-desc" width="10""#));
        assert!(out.contains("<title id=\"chart-title\">A &lt; B &amp; &quot;C&quot;</title>"));
        assert!(with_title_and_desc("<g/>", "x", "t", "d").is_err());
    }
}
