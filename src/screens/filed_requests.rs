use leptos::prelude::*;

use crate::{
    components::{BackButton, ScreenHeading, UndoNotice},
    context::{use_widget, ForgottenFiled, RemovedFiled},
    filed::FiledRequest,
    i18n::{self, id},
    journey::Step,
    loaded::Loaded,
    screens::request_status::status_label,
};

/// The requests filed from this device, each with its current status, and
/// the way to forget the list.
#[component]
pub fn FiledRequests() -> impl IntoView {
    let widget = use_widget();
    // The list "Forget this list" took, or the request "Remove it from this
    // list" took on its status screen, until its Undo or the screen goes.
    let forgotten = RwSignal::new(None::<ForgottenFiled>);
    let removed = RwSignal::new(widget.removed_filed.write_untracked().take());
    let undoable = move || forgotten.with(Option::is_some) || removed.with(Option::is_some);
    let requests = move || widget.filed.with(|filed| filed.requests.clone());
    let screen = view! {
        <section class="sw-screen" data-testid="filed-requests">
            <BackButton/>
            <ScreenHeading>{widget.text(id::FILED_HEADING)}</ScreenHeading>
            <p class="sw-intro">{widget.text(id::FILED_INTRO)}</p>
            {move || {
                let requests = requests();
                if requests.is_empty() {
                    (!undoable())
                        .then(|| view! { <p data-testid="filed-empty">{widget.text(id::FILED_EMPTY)}</p> })
                        .into_any()
                } else {
                    view! {
                        <ul class="sw-choices">
                            {requests
                                .into_iter()
                                .map(|request| view! { <FiledItem request/> })
                                .collect_view()}
                        </ul>
                        <button
                            type="button"
                            class="sw-button sw-button-secondary"
                            data-testid="filed-clear"
                            on:click=move |_| {
                                removed.set(None);
                                forgotten.set(Some(widget.clear_filed()));
                                widget.focus_when_drawn("[data-testid=filed-undo]");
                            }
                        >
                            {widget.text(id::FILED_CLEAR)}
                        </button>
                    }
                    .into_any()
                }
            }}
            // Not a live region: focus goes to Undo, which reads the
            // notice as its description, once.
            <div>
                {move || {
                    forgotten
                        .with(Option::is_some)
                        .then(|| {
                            let on_undo = Callback::new(move |()| {
                                if let Some(list) = forgotten.write().take() {
                                    widget.restore_filed(list);
                                }
                            });
                            view! {
                                <UndoNotice text=Signal::derive(widget.text(id::FILED_CLEARED)) testid="filed-cleared" undo_testid="filed-undo" on_undo/>
                            }
                        })
                }}
                {move || removed.with(|removed| removed.as_ref().map(RemovedFiled::reference).map(str::to_owned)).map(|reference| {
                    let on_undo = Callback::new(move |()| {
                        if let Some(request) = removed.write().take() {
                            widget.restore_removed(request);
                        }
                    });
                    let text = Signal::derive(move || widget.format(id::FILED_REMOVED, &i18n::args([("reference", reference.clone().into())])));
                    view! {
                        <UndoNotice text testid="filed-removed" undo_testid="filed-removed-undo" on_undo/>
                    }
                })}
            </div>
        </section>
    };
    // Back from a request's status: focus returns to that request in the
    // list (after the heading's, which the screen asked for first), or to
    // the Undo of its removal.
    if removed.with_untracked(Option::is_some) {
        widget.focus_when_drawn("[data-testid=filed-removed-undo]");
    } else if let Some(viewed) = widget.journey.with_untracked(|j| j.status_of.clone()) {
        if widget.navigated.get_untracked() {
            // The id is the backend's: quoted as a CSS string.
            let quoted = viewed.replace('\\', "\\\\").replace('"', "\\\"");
            widget.focus_when_drawn(&format!(
                "[data-testid=filed-request][data-request-id=\"{quoted}\"]"
            ));
        }
    }
    screen
}

/// One filed request: what it was about, when, and its status now.
#[component]
fn FiledItem(request: FiledRequest) -> impl IntoView {
    let widget = use_widget();
    let request_id = request.id.clone();
    let status = Loaded::new(move || {
        let backend = widget.backend.get();
        let transport = widget.transport();
        let request_id = request_id.clone();
        async move {
            let backend = backend?;
            widget
                .request_status(backend, request_id, transport)
                .await
                .ok()
                .map(|stored| stored.status)
        }
    });
    let created_at = request.created_at.clone();
    let filed_on = move || {
        widget.format(
            id::FILED_ON,
            &i18n::args([("time", widget.format_time(&created_at).into())]),
        )
    };
    let id_for_click = request.id.clone();
    view! {
        <li>
            <button
                type="button"
                class="sw-choice"
                data-testid="filed-request"
                data-request-id=request.id.clone()
                on:click=move |_| widget.go(Step::ViewStatus(id_for_click.clone()))
            >
                <span class="sw-choice-title">{request.reference.clone()} " · " {request.title.clone()}</span>
                <span class="sw-choice-text">
                    {request.customer.clone().map(|customer| view! { {customer} " · " })}
                    {filed_on}
                </span>
                <span class="sw-choice-text" data-testid="filed-status">
                    {move || match status.get() {
                        Some(Some(status)) => widget.text(status_label(status))(),
                        Some(None) => widget.text(id::FILED_STATUS_UNAVAILABLE)(),
                        None => String::new(),
                    }}
                </span>
            </button>
        </li>
    }
}
