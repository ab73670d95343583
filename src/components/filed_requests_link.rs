//! The way from a start screen (the partner's home, the customer's help) to
//! the requests the user filed.

use leptos::prelude::*;

use crate::{
    context::use_widget,
    rules::{i18n::MessageId, journey::Step},
};

/// "Your requests" as a link-styled button, shown while there is a list to
/// offer: this device's, or a signed-in user's from the backend.
#[component]
pub fn FiledRequestsLink(
    /// The link's words: the partner's requests, or the customer's.
    label: MessageId,
) -> impl IntoView {
    let widget = use_widget();
    move || {
        widget.has_filed_requests().then(|| {
            view! {
                <p>
                    <button
                        type="button"
                        class="sw-button sw-button-link"
                        data-testid="open-filed-requests"
                        on:click=move |_| widget.go(Step::OpenFiledRequests)
                    >
                        {widget.text(label)}
                    </button>
                </p>
            }
        })
    }
}
