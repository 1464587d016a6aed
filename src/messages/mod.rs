//! The engine's message catalogue in English and French, and template rendering.
//!
//! Every reason the engine gives (why evidence did not count, why a requirement is not met) has a
//! stable code and a template with `{name}` placeholders. Packs may override any template, and must
//! supply every template for a language other than English and French. Placeholders naming pack
//! things (`competency`, `kind`, `item`, `level`...) are shown by name in the reader's language.

mod table;

#[cfg(feature = "planning")]
pub use table::PlanLabel;
pub use table::{CohortLabel, ProblemLabel};
pub use table::{Label, Message};

/// Declares a table of messages: `code_enum!` plus each entry's English and French templates. An
/// entry marked `#[cfg(...)]` has its templates in that build only (its code is in every build).
macro_rules! message_table {
    (
        $(#[$enum_meta:meta])*
        pub enum $name:ident {
            $( $(#[cfg($cfg:meta)])? $variant:ident = $code:literal => ($en:literal, $fr:literal), )*
        }
    ) => {
        crate::codes::code_enum! {
            $(#[$enum_meta])*
            pub enum $name {
                $( $variant = $code => $en, )*
            }
        }

        impl $name {
            /// The default `(English, French)` templates, if this build has them.
            pub fn templates(self) -> Option<(&'static str, &'static str)> {
                // A table indexed by the variant (a chain of comparisons would cost the
                // WebAssembly module kilobytes); a gated entry is `None` outside its build.
                const TEMPLATES: &[Option<(&str, &str)>] =
                    &[$( message_table!(@entry [$($cfg)?] $en, $fr) ),*];
                TEMPLATES.get(self as usize).copied().flatten()
            }

            /// Whether the templates are kept for some builds only (the `interop` feature's
            /// messages; the native build's text-report labels).
            pub const fn is_gated(self) -> bool {
                match self {
                    $( $name::$variant => message_table!(@gated $($cfg)?), )*
                }
            }

            /// The default template in `lang` (`en` or `fr`), if this build has it.
            pub fn default_template(self, lang: &str) -> Option<&'static str> {
                crate::messages::pick(self.templates()?, lang)
            }
        }
    };
    (@entry [$cfg:meta] $en:literal, $fr:literal) => {{
        #[cfg($cfg)]
        let entry = Some(($en, $fr));
        #[cfg(not($cfg))]
        let entry = None;
        entry
    }};
    (@entry [] $en:literal, $fr:literal) => { Some(($en, $fr)) };
    (@gated $cfg:meta) => { true };
    (@gated) => { false };
}

use message_table;

/// The code of every message and label, in the order packs list them (messages, labels, then the
/// messages about statements).
pub fn all_codes() -> Vec<&'static str> {
    // (Loops rather than iterator adapters: each adapter is code in the WebAssembly module.)
    let mut codes = Vec::with_capacity(Message::ALL.len() + Label::ALL.len());
    for m in Message::ALL {
        if !m.is_gated() {
            codes.push(m.code());
        }
    }
    for l in Label::ALL {
        codes.push(l.code());
    }
    #[cfg(feature = "planning")]
    for l in PlanLabel::ALL {
        codes.push(l.code());
    }
    for l in CohortLabel::ALL {
        codes.push(l.code());
    }
    for l in ProblemLabel::ALL {
        codes.push(l.code());
    }
    for m in Message::ALL {
        if m.is_gated() {
            codes.push(m.code());
        }
    }
    codes
}

/// The template of `(English, French)` in `lang`.
pub(crate) fn pick((en, fr): (&'static str, &'static str), lang: &str) -> Option<&'static str> {
    match lang {
        "en" => Some(en),
        "fr" => Some(fr),
        _ => None,
    }
}

/// Every message and label with its default templates (if this build has them), in no set order.
pub fn defaults() -> Vec<(&'static str, Option<(&'static str, &'static str)>)> {
    let mut out = Vec::with_capacity(Message::ALL.len() + Label::ALL.len());
    for m in Message::ALL {
        out.push((m.code(), m.templates()));
    }
    for l in Label::ALL {
        out.push((l.code(), l.templates()));
    }
    #[cfg(feature = "planning")]
    for l in PlanLabel::ALL {
        out.push((l.code(), l.templates()));
    }
    for l in CohortLabel::ALL {
        out.push((l.code(), l.templates()));
    }
    for l in ProblemLabel::ALL {
        out.push((l.code(), l.templates()));
    }
    out
}

/// The languages the engine has default messages for.
pub const DEFAULT_LANGUAGES: [&str; 2] = ["en", "fr"];

/// The default template for the message or label `code` in `lang`, if this build has one.
pub fn default_message(code: &str, lang: &str) -> Option<&'static str> {
    if let Some(message) = Message::from_code(code) {
        return message.default_template(lang);
    }
    #[cfg(feature = "planning")]
    if let Some(label) = PlanLabel::from_code(code) {
        return label.default_template(lang);
    }
    if let Some(label) = CohortLabel::from_code(code) {
        return label.default_template(lang);
    }
    if let Some(label) = ProblemLabel::from_code(code) {
        return label.default_template(lang);
    }
    Label::from_code(code)?.default_template(lang)
}

/// Whether `code` is a message or label the engine produces (in any build). The planner's labels
/// (`plan.*`) are known in builds with the planner; elsewhere any `plan.` code is taken as given
/// (those builds never write a plan).
pub fn is_known_code(code: &str) -> bool {
    #[cfg(feature = "planning")]
    let plan = PlanLabel::from_code(code).is_some();
    #[cfg(not(feature = "planning"))]
    let plan = code.starts_with("plan.");
    Message::from_code(code).is_some()
        || Label::from_code(code).is_some()
        || CohortLabel::from_code(code).is_some()
        || ProblemLabel::from_code(code).is_some()
        || plan
}

/// A number as messages show it: the shortest text that reads back as the same number, without a
/// trailing `.0` (`80`, `85.5`, `100.00000000000001`; very large or small numbers in exponent form,
/// `1e+300`). Written with serde_json's float writer, which the module has anyway: `f64`'s
/// `Display` would add 14 KB to the WebAssembly module.
pub fn number(x: f64) -> String {
    match serde_json::Number::from_f64(x) {
        Some(n) => {
            let text = n.to_string();
            match text.strip_suffix(".0") {
                Some(whole) => whole.to_owned(),
                None => text,
            }
        }
        None if x.is_nan() => "NaN".to_owned(),
        None if x > 0.0 => "inf".to_owned(),
        None => "-inf".to_owned(),
    }
}

/// Renders `template` in `lang`, filling each `{name}` with `lookup(name)` (a placeholder `lookup`
/// does not know is left as it is). Two rules make a value read as a sentence of its language:
///
/// - `{name|one|other}` is the singular or the plural form by the number in `name` (English: 1 is
///   singular; French: below 2, so 0 and 1). It writes the form only: `{days} {days|day|days}`.
/// - In French, `de`, `le`, `la`, `que` and `ne` before a value that starts with a vowel elide:
///   `de {item}` with `Intégration` gives `d'Intégration`.
pub fn render(
    template: &str,
    lang: &str,
    mut lookup: impl FnMut(&str) -> Option<String>,
) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        // (`get` rather than `split_at`: `open` is a `{`'s index, a boundary, and `get` brings no
        // panic path into the module.)
        let before = rest.get(..open).unwrap_or_default();
        let after_open = rest.get(open..).unwrap_or_default();
        out.push_str(before);
        let tail = after_open.get(1..).unwrap_or_default();
        match tail.find('}') {
            Some(close) => {
                let inner = tail.get(..close).unwrap_or_default();
                let mut forms = inner.split('|');
                let name = forms.next().unwrap_or_default();
                match (lookup(name), forms.next(), forms.next()) {
                    (Some(value), Some(one), Some(other)) => {
                        out.push_str(if is_singular(&value, lang) {
                            one
                        } else {
                            other
                        });
                    }
                    (Some(value), None, _) => {
                        if lang == "fr" {
                            elide(&mut out, &value);
                        }
                        out.push_str(&value);
                    }
                    _ => {
                        out.push('{');
                        out.push_str(inner);
                        out.push('}');
                    }
                }
                rest = tail.get(close + 1..).unwrap_or_default();
            }
            None => {
                out.push_str(after_open);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Whether the number in `value` takes the singular in `lang` (not a number: plural). (Whole
/// numbers and decimals are told apart without a float parser, which would cost the WebAssembly
/// module kilobytes.)
fn is_singular(value: &str, lang: &str) -> bool {
    let text = value.trim();
    let digits = text.strip_prefix('-').unwrap_or(text);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let whole = whole.trim_start_matches('0');
    match lang {
        "fr" => whole.is_empty() || whole == "1",
        _ => whole == "1" && fraction.bytes().all(|b| b == b'0') && !text.starts_with('-'),
    }
}

/// French élision: when `out` ends with one of the words that elide (`de`, `le`, `la`, `que`, `ne`,
/// after a space or at the start) and a space, and `value` starts with a vowel, the word's last
/// letter and the space become an apostrophe (`de ` → `d'`).
fn elide(out: &mut String, value: &str) {
    // (Matches on chars, not string patterns: a string pattern brings a substring search
    // algorithm into the WebAssembly module.)
    let vowel = value.chars().next().is_some_and(|c| {
        matches!(
            c.to_ascii_lowercase(),
            'a' | 'e'
                | 'i'
                | 'o'
                | 'u'
                | 'à'
                | 'â'
                | 'ä'
                | 'é'
                | 'è'
                | 'ê'
                | 'ë'
                | 'î'
                | 'ï'
                | 'ô'
                | 'ö'
                | 'ù'
                | 'û'
                | 'ü'
                | 'À'
                | 'Â'
                | 'É'
                | 'È'
                | 'Ê'
                | 'Î'
                | 'Ô'
                | 'Û'
        )
    });
    let Some(head) = out.strip_suffix(' ') else {
        return;
    };
    if !vowel {
        return;
    }
    let start = head
        .char_indices()
        .rev()
        .find(|(_, c)| matches!(c, ' ' | '(' | '\u{a0}'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = head.get(start..).unwrap_or_default().to_ascii_lowercase();
    if matches!(word.as_str(), "de" | "le" | "la" | "que" | "ne") {
        let keep = head.len() - 1; // the word's last letter (ASCII)
        out.truncate(keep);
        out.push('\'');
    }
}

/// The colon as `lang` writes it after a word: French (Canadian usage) puts a no-break space
/// before it.
pub fn colon(lang: &str) -> &'static str {
    if lang == "fr" { "\u{a0}:" } else { ":" }
}

/// `a`, `a and b`, `a, b and c`: a list as a sentence writes it, `and` being the language's word.
pub fn join_list(parts: &[String], and: &str) -> String {
    let mut out = String::new();
    for (i, part) in parts.iter().enumerate() {
        if i > 0 {
            if i + 1 == parts.len() {
                out.push(' ');
                out.push_str(and);
                out.push(' ');
            } else {
                out.push_str(", ");
            }
        }
        out.push_str(part);
    }
    out
}

/// The placeholder names in `template`, in order (`{count|one|other}` names `count`).
pub fn placeholders(template: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let tail = rest.get(open + 1..).unwrap_or_default();
        let Some(close) = tail.find('}') else { break };
        let inner = tail.get(..close).unwrap_or_default();
        names.push(inner.split('|').next().unwrap_or_default());
        rest = tail.get(close + 1..).unwrap_or_default();
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_f64_displays_them_where_grades_live() {
        // Everywhere a grade can be (0 to 100, and a little past), the text is `Display`'s.
        let mut x = -2.0f64;
        while x <= 102.0 {
            assert_eq!(number(x), x.to_string());
            x += 0.37;
        }
        for x in [
            0.0,
            80.0,
            85.5,
            100.00000000000001,
            94.52706955539223,
            -0.5,
            1e15,
        ] {
            assert_eq!(number(x), x.to_string());
            assert_eq!(number(x).parse::<f64>().ok(), Some(x));
        }
        assert_eq!(number(1e300), "1e+300");
        assert_eq!(number(f64::NAN), "NaN");
        assert_eq!(number(f64::NEG_INFINITY), "-inf");
    }

    #[test]
    fn every_default_message_has_both_languages_and_unique_code() {
        let mut codes: Vec<&str> = all_codes();
        let total = codes.len();
        #[cfg(feature = "planning")]
        let planner = PlanLabel::ALL.len();
        #[cfg(not(feature = "planning"))]
        let planner = 0;
        assert_eq!(
            total,
            Message::ALL.len()
                + Label::ALL.len()
                + planner
                + CohortLabel::ALL.len()
                + ProblemLabel::ALL.len()
        );
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), total, "duplicate message code");
        let templates = defaults();
        let mut checked = 0;
        for (code, pair) in templates {
            // Every build has the templates of every ungated code; the interop build has them all.
            let Some((en, fr)) = pair else {
                let gated = Message::from_code(code).is_some_and(Message::is_gated);
                assert!(
                    gated && !cfg!(feature = "interop"),
                    "{code} has no templates"
                );
                continue;
            };
            checked += 1;
            assert!(!en.is_empty() && !fr.is_empty(), "{code}");
            assert_eq!(default_message(code, "en"), Some(en));
            assert_eq!(default_message(code, "fr"), Some(fr));
            // The French text uses the same placeholders as the English one (each as often as
            // its grammar needs: a plural form names its number again).
            let mut a = placeholders(en);
            let mut b = placeholders(fr);
            a.sort_unstable();
            b.sort_unstable();
            a.dedup();
            b.dedup();
            assert_eq!(a, b, "placeholders differ for {code}");
        }
        let gated = Message::ALL.iter().filter(|m| m.is_gated()).count();
        assert!(gated > 0);
        assert_eq!(
            checked + usize::from(!cfg!(feature = "interop")) * gated,
            total
        );
    }

    #[test]
    fn codes_read_back_and_namespaces_do_not_mix() {
        for m in Message::ALL {
            assert_eq!(Message::from_code(m.code()), Some(*m));
            assert!(Label::from_code(m.code()).is_none());
            assert!(is_known_code(m.code()));
        }
        for l in Label::ALL {
            assert_eq!(Label::from_code(l.code()), Some(*l));
            assert!(l.code().contains('.'), "labels are dotted: {l}");
        }
        assert!(!is_known_code("below_min_grades"));
        assert_eq!(Message::BelowMinGrade, "below_min_grade");
    }

    #[test]
    fn plural_forms_follow_each_languages_rule() {
        let days = |n: &str, lang: &str| {
            render("{n} {n|day|days}", lang, |name| {
                (name == "n").then(|| n.to_owned())
            })
        };
        assert_eq!(days("1", "en"), "1 day");
        assert_eq!(days("0", "en"), "0 days");
        assert_eq!(days("2", "en"), "2 days");
        assert_eq!(days("1.5", "en"), "1.5 days");
        assert_eq!(days("0", "fr"), "0 day");
        assert_eq!(days("1.5", "fr"), "1.5 day");
        assert_eq!(days("2", "fr"), "2 days");
        assert_eq!(days("x", "fr"), "x days");
        assert_eq!(placeholders("{n} {n|a|b} {m}"), ["n", "n", "m"]);
    }

    #[test]
    fn french_elides_before_a_vowel() {
        let fill = |template: &str, value: &str| render(template, "fr", |_| Some(value.to_owned()));
        assert_eq!(
            fill("La réussite de {item}", "Intégration"),
            "La réussite d'Intégration"
        );
        assert_eq!(
            fill("La réussite de {item}", "Budget"),
            "La réussite de Budget"
        );
        assert_eq!(fill("Le {x} et le {y}", "été"), "L'été et l'été");
        assert_eq!(fill("avant que {x}", "il"), "avant qu'il");
        assert_eq!(fill("« {kind} »", "atelier"), "« atelier »");
        assert_eq!(fill("Monde {x}", "été"), "Monde été");
        assert_eq!(render("de {x}", "en", |_| Some("item".into())), "de item");
    }

    #[test]
    fn render_fills_known_placeholders_only() {
        let text = render("{a} and {b} {", "en", |name| {
            (name == "a").then(|| "x".to_string())
        });
        assert_eq!(text, "x and {b} {");
    }
}
