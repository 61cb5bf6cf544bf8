//! Download names: `institution-title-kind-year.ext`, every part an ASCII
//! slug (Latvian letters to their base letters, anything else but letters and
//! digits to one hyphen, lower case), so the same strategy always gets the
//! same name and every file system takes it.

use crate::model::Strategy;

/// An ASCII slug of `text`: "Darbības stratēģija 2024–2027" → "darbibas-strategija-2024-2027".
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars().flat_map(char::to_lowercase) {
        let base = match c {
            'ā' | 'à' | 'á' | 'â' | 'ä' | 'å' | 'ą' => 'a',
            'č' | 'ç' | 'ć' => 'c',
            'ē' | 'è' | 'é' | 'ê' | 'ë' | 'ę' | 'ė' => 'e',
            'ģ' => 'g',
            'ī' | 'ì' | 'í' | 'î' | 'ï' | 'į' => 'i',
            'ķ' => 'k',
            'ļ' | 'ł' => 'l',
            'ņ' | 'ñ' | 'ń' => 'n',
            'ō' | 'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
            'š' | 'ś' => 's',
            'ū' | 'ù' | 'ú' | 'û' | 'ü' | 'ų' => 'u',
            'ž' | 'ź' | 'ż' => 'z',
            c if c.is_ascii_alphanumeric() => c,
            _ => '-',
        };
        if base != '-' || !out.ends_with('-') {
            out.push(base);
        }
    }
    out.trim_matches('-').to_string()
}

/// The file name of a document of `s`: institution (its short name, else
/// its name), title, `kind` and `year` when given, each slugged, joined
/// by hyphens; `ext` without its dot. Empty parts are left out; a strategy
/// with no names at all is called "strategy".
pub fn file_name(s: &Strategy, kind: &str, year: Option<i32>, ext: &str) -> String {
    let institution = if s.institution.short_name.trim().is_empty() { &s.institution.name } else { &s.institution.short_name };
    let year = year.map(|y| y.to_string()).unwrap_or_default();
    let parts: Vec<String> = [institution.as_str(), s.title.as_str(), kind, year.as_str()].iter().map(|p| slug(p)).filter(|p| !p.is_empty()).collect();
    let stem = if parts.is_empty() { "strategy".to_string() } else { parts.join("-") };
    let ext = slug(ext.trim_start_matches('.'));
    if ext.is_empty() { stem } else { format!("{stem}.{ext}") }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Institution;

    #[test]
    fn names_are_ascii_slugs_of_institution_title_kind_and_year() {
        let s = Strategy {
            title: "Darbības stratēģija 2020–2023".into(),
            institution: Institution { name: "Labklājības ministrija".into(), short_name: "LM".into() },
            ..Strategy::default()
        };
        assert_eq!(file_name(&s, "pārskats", Some(2023), "docx"), "lm-darbibas-strategija-2020-2023-parskats-2023.docx");
        assert_eq!(file_name(&s, "strategy", None, ".pdf"), "lm-darbibas-strategija-2020-2023-strategy.pdf");
        let bare = Strategy { title: "  ".into(), ..Strategy::default() };
        assert_eq!(file_name(&bare, "", None, "csv"), "strategy.csv");
        assert_eq!(slug("ĀČĒĢĪĶĻŅŠŪŽ / x__y"), "acegiklnsuz-x-y");
        assert_eq!(slug("../../etc/passwd"), "etc-passwd", "no path survives");
    }
}
