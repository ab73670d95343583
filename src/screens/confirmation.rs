use leptos::{html, prelude::*};
use support_contract::CreatedRequest;

use crate::{context::use_widget, host::Audience, i18n, i18n::id, journey::Step};

/// What the user sees once the backend has stored the request.
#[component]
pub fn Confirmation(
    created: CreatedRequest,
    /// Who will get in touch: the support representative, or the partner.
    next: &'static str,
    on_new_request: Callback<()>,
) -> impl IntoView {
    let widget = use_widget();
    let heading = NodeRef::<html::H2>::new();
    // Moving focus to the new step's heading tells screen-reader users that
    // the step changed, and puts keyboard users at its top.
    heading.on_load(|heading| {
        request_animation_frame(move || _ = heading.focus());
    });
    let reference = created.reference.clone();
    let request_id = created.id.clone();
    let reference_text = move || {
        widget.format(
            id::CONFIRM_REFERENCE,
            &i18n::args([("reference", reference.as_str().into())]),
        )
    };
    view! {
        <section class="sw-confirmation" data-testid="confirmation" data-request-id=created.id.clone()>
            <h2 class="sw-heading" tabindex="-1" node_ref=heading>{widget.text(id::CONFIRM_HEADING)}</h2>
            <p class="sw-reference" data-testid="reference" data-reference=created.reference.clone()>{reference_text}</p>
            <p>{widget.text(next)}</p>
            <div class="sw-actions">
                // The status view and the list of filed requests belong to
                // the partner's journey.
                {(widget.audience.get_untracked() == Audience::Partner).then(|| view! {
                    <button
                        type="button"
                        class="sw-button sw-button-primary"
                        data-testid="view-status"
                        on:click=move |_| widget.go(Step::ViewStatus(request_id.clone()))
                    >
                        {widget.text(id::CONFIRM_VIEW_STATUS)}
                    </button>
                })}
                <button type="button" class="sw-button sw-button-secondary" on:click=move |_| on_new_request.run(())>
                    {widget.text(id::CONFIRM_NEW_REQUEST)}
                </button>
            </div>
        </section>
    }
}
