//! The launcher and the panel's close button, which the loader drew in the
//! language it expected, in the widget's language.

use leptos::prelude::*;

use crate::context::{Host, Words};
use support_rules::{host::Mode, i18n::id};

/// In launcher mode, relabels the loader's buttons once the widget shows
/// the language it wants: while that language's messages are on their way,
/// or if they cannot be had, the words stay as they were (the loader's, in
/// that language, at first).
pub fn follow_the_widgets_language(words: Words, host: Host, mode: Memo<Mode>) {
    Effect::new(move |_| {
        let shown = words.locale.get();
        if mode.get() == Mode::Launcher && shown == words.locales.wanted.get() {
            crate::panel::relabel(
                &host.element.get_value(),
                shown.as_str(),
                &words.text(id::LAUNCHER_OPEN)(),
                &words.text(id::LAUNCHER_CLOSE)(),
            );
        }
    });
}
