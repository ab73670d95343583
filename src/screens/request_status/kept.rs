//! What this device kept of a request when it was filed (its reference and
//! title), shown when the backend cannot give its status; and, for one the
//! backend no longer has, the way to take it off the list.

use leptos::prelude::*;

use crate::context::{FiledRequests, Navigation, Words};
use support_rules::{
    i18n::id,
    journey::{Screen, Step},
};

/// The request `request_id` as this device kept it, if it did.
#[derive(Clone)]
pub(super) struct Kept {
    pub(super) reference: String,
    pub(super) title: String,
}

impl Kept {
    /// What the list of filed requests holds of `request_id`.
    pub(super) fn of(request_id: &str) -> Option<Self> {
        expect_context::<FiledRequests>()
            .list
            .with_untracked(|filed| {
                (filed.requests.iter())
                    .find(|request| request.id == request_id)
                    .map(|request| Kept {
                        reference: request.reference.clone(),
                        title: request.title.clone(),
                    })
            })
    }
}

#[component]
pub(super) fn KeptFacts(kept: Option<Kept>) -> impl IntoView {
    kept.map(|Kept { reference, title }| {
        view! {
            <p class="sw-reference" data-testid="status-reference">{reference}</p>
            <p class="sw-status-title">{title}</p>
        }
    })
}

/// Gone from the backend (deleted, or another backend's): what this device
/// kept of it, and the way to take it off the list.
#[component]
pub(super) fn Gone(request_id: String, kept: Option<Kept>) -> impl IntoView {
    let words = expect_context::<Words>();
    let nav = expect_context::<Navigation>();
    let filed = expect_context::<FiledRequests>();
    let forget = kept.is_some().then(|| {
        view! {
            <div class="sw-actions">
                <button
                    type="button"
                    class="sw-button sw-button-secondary"
                    data-testid="status-forget"
                    on:click=move |_| {
                        let removed = filed.forget(&request_id);
                        // The list offers its Undo.
                        if nav.journey.with_untracked(|j| j.status_from == Screen::FiledRequests) {
                            filed.removed.set(removed);
                        }
                        nav.go(Step::Back);
                    }
                >
                    {words.text(id::STATUS_FORGET)}
                </button>
            </div>
        }
    });
    view! {
        <KeptFacts kept/>
        <p role="alert" data-testid="status-not-found">{words.text(id::STATUS_NOT_FOUND)}</p>
        {forget}
    }
}
