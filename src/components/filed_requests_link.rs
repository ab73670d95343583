//! The way from a start screen (the partner's home, the customer's help) to
//! the requests the user filed.

use leptos::prelude::*;

use crate::context::{FiledRequests, Navigation, Words};
use support_rules::{i18n::MessageId, journey::Step};

/// "Your requests" as a link-styled button, shown while there is a list to
/// offer: this device's, or a signed-in user's from the backend.
#[component]
pub fn FiledRequestsLink(
    /// The link's words: the partner's requests, or the customer's.
    label: MessageId,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let filed = expect_context::<FiledRequests>();
    move || {
        filed.any().then(|| {
            view! {
                <p>
                    <button
                        type="button"
                        class="sw-button sw-button-link"
                        data-testid="open-filed-requests"
                        on:click=move |_| nav.go(Step::OpenFiledRequests)
                    >
                        {words.text(label)}
                    </button>
                </p>
            }
        })
    }
}
