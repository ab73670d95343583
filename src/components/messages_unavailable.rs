//! The notice that a language's messages could not be had, said in that
//! language too (every build carries these few words in every language),
//! first: its reader may read no other.

use leptos::prelude::*;

use crate::context::{Host, Words};
use support_rules::i18n::{self, id, Standby};

/// Shown while the wanted language's messages cannot be had, with "Try
/// again", which fetches them again.
#[component]
pub fn MessagesUnavailable() -> impl IntoView {
    let words = expect_context::<Words>();
    let host = expect_context::<Host>();
    let locales = words.locales;
    move || {
        locales.unavailable().map(|failed| {
            let language = i18n::message(words.locale.get(), i18n::language_name(failed));
            let args = i18n::args([("language", language.into())]);
            let own = |which| i18n::standby(failed, which, &args);
            view! {
                <div class="sw-notice sw-messages-unavailable" role="alert" data-testid="messages-unavailable">
                    <p lang=failed.as_str()>{own(Standby::Unavailable)}</p>
                    <p>{words.format(id::MESSAGES_UNAVAILABLE, &args)}</p>
                    <div class="sw-notice-actions">
                        <button
                            type="button"
                            class="sw-button sw-button-secondary"
                            data-testid="messages-retry"
                            on:click=move |_| {
                                // Back to the language picker, where the user
                                // chose the language.
                                host.focus_when_drawn(".sw-language select");
                                locales.retry();
                            }
                        >
                            <span lang=failed.as_str()>{own(Standby::Retry)}</span>
                            " · "
                            {words.text(id::LOAD_RETRY)}
                        </button>
                    </div>
                </div>
            }
        })
    }
}
