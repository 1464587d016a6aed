//! Checks of a pack's message overrides and translations against the engine's message table.

use super::*;
use crate::messages;

impl Checker<'_> {
    pub(super) fn messages(&mut self) {
        let doc = self.doc;
        for (lang, table) in &doc.messages {
            if !doc.program.languages.contains(lang) {
                self.warn(
                    DiagnosticCode::UnusedTranslation,
                    format!("messages.{lang}"),
                    format!("`{lang}` is not one of the program's languages"),
                );
            }
            for (code, template) in table {
                let path = format!("messages.{lang}.{code}");
                if !messages::is_known_code(code) {
                    let hint = super::fuzzy::closest(code, &messages::all_codes())
                        .map(|near| format!("; did you mean `{near}`?"))
                        .unwrap_or_default();
                    self.error(
                        DiagnosticCode::UnknownMessage,
                        path,
                        format!("the engine has no message `{code}`{hint} (see docs/messages.md)"),
                    );
                    continue;
                }
                // (A build without the interop templates cannot say which placeholders they fill.)
                let Some(allowed) =
                    messages::default_message(code, "en").map(messages::placeholders)
                else {
                    continue;
                };
                for name in messages::placeholders(template) {
                    if !allowed.contains(&name) {
                        self.warn(
                            DiagnosticCode::UnknownPlaceholder,
                            path.clone(),
                            format!(
                                "`{{{name}}}` is not filled in for this message (available: {})",
                                allowed.join(", ")
                            ),
                        );
                    }
                }
            }
        }
        for lang in &doc.program.languages {
            if messages::DEFAULT_LANGUAGES.contains(&lang.as_str()) {
                continue;
            }
            let table = doc.messages.get(lang);
            let missing: Vec<&str> = messages::all_codes()
                .into_iter()
                .filter(|code| table.is_none_or(|t| !t.contains_key(*code)))
                .collect();
            if !missing.is_empty() {
                self.error(
                    DiagnosticCode::MissingTranslation,
                    format!("messages.{lang}"),
                    format!("the engine has no {lang} messages; this pack must give all {} of them (missing: {})", missing.len(), missing.join(", ")),
                );
            }
        }
    }
}
