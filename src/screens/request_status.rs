use leptos::prelude::*;
use support_contract::{Reply, RequestKind, RequestStatus as Status, Service, StoredRequest};

use crate::{
    components::{
        status_label, BackButton, CloseTheLoop, CurrentStatus, LoadFailure, ReplyBox, ScreenHeading,
    },
    context::use_widget,
    loaded::Loaded,
    rules::{
        escalation,
        i18n::{self, id, MessageId},
        journey::{Screen, Step},
        request::LoadError,
        request_fields::{category_label, severity_label},
        timestamps::is_rfc3339,
    },
};

/// One filed request's status (`GET /support-requests/{id}`), refreshable,
/// with its history and, for a customer's request, the reminder to close the
/// loop with the customer.
#[component]
pub fn RequestStatus() -> impl IntoView {
    let widget = use_widget();
    let request_id = widget
        .journey
        .with_untracked(|j| j.status_of.clone())
        .unwrap_or_default();
    // What this device kept of it when it was filed: shown when the status
    // cannot be had.
    let kept = widget.filed.with_untracked(|filed| {
        filed
            .requests
            .iter()
            .find(|request| request.id == request_id)
            .map(|request| (request.reference.clone(), request.title.clone()))
    });
    let kept_view = {
        let kept = kept.clone();
        move || {
            kept.clone().map(|(reference, title)| {
                view! {
                    <p class="sw-reference" data-testid="status-reference">{reference}</p>
                    <p class="sw-status-title">{title}</p>
                }
            })
        }
    };
    // Each answer with the time it came, so that "checked at" is always
    // the shown answer's, even when an earlier answer arrives last.
    let asked_for = request_id.clone();
    let stored = Loaded::new(move || {
        widget.signed_in_again.track();
        let backend = widget.backend.get();
        let transport = widget.transport();
        let request_id = asked_for.clone();
        async move {
            let answer = match backend {
                Some(backend) => widget.request_status(backend, request_id, transport).await,
                None => Err(LoadError::Network),
            };
            (answer, String::from(js_sys::Date::new_0().to_iso_string()))
        }
    });
    // After a reply is sent: the thread as the backend now has it.
    let reload = move || stored.reload();
    // The services' names, for a request about one: loaded once for the
    // screen, not again with each refresh of the status.
    let about_a_service = Memo::new(move |_| {
        stored
            .get()
            .is_some_and(|(answer, _)| matches!(answer, Ok(s) if s.request.service.is_some()))
    });
    let services = widget.services_when(move || about_a_service.get());
    // The time of the answer shown: a failed check shows none.
    let failed = move || matches!(stored.get(), Some((Err(_), _)));
    let checked = move || {
        stored
            .get()
            .and_then(|(answer, time)| answer.is_ok().then_some(time))
            .map(|time| {
                widget.format(
                    id::STATUS_CHECKED,
                    &i18n::args([("time", widget.format_time(&time).into())]),
                )
            })
    };
    // What screen readers hear after each answer: the status and when it
    // was checked, after "Loading…" while a refresh runs, so that a refresh
    // that changes nothing is heard too. (The first load has its own
    // "Loading…" on screen.)
    let announced = move || match stored.get() {
        Some(_) if stored.loading() => widget.text(id::STATUS_LOADING)(),
        Some((Ok(stored), time)) => widget.format(
            id::STATUS_ANNOUNCED,
            &i18n::args([
                ("status", widget.text(status_label(stored.status))().into()),
                ("time", widget.format_time(&time).into()),
            ]),
        ),
        _ => String::new(),
    };

    view! {
        <section class="sw-screen" data-testid="request-status">
            <BackButton/>
            <ScreenHeading>{widget.text(id::STATUS_HEADING)}</ScreenHeading>
            {move || match stored.get().map(|(answer, _)| answer) {
                None => view! { <p role="status">{widget.text(id::STATUS_LOADING)}</p> }.into_any(),
                // Gone from the backend (deleted, or another backend's): what
                // this device kept of it, and the way to take it off the list.
                Some(Err(LoadError::NotFound)) => view! {
                    {kept_view()}
                    <p role="alert" data-testid="status-not-found">{widget.text(id::STATUS_NOT_FOUND)}</p>
                    {kept.is_some().then(|| {
                        let request_id = request_id.clone();
                        view! {
                            <div class="sw-actions">
                                <button
                                    type="button"
                                    class="sw-button sw-button-secondary"
                                    data-testid="status-forget"
                                    on:click=move |_| {
                                        let removed = widget.forget_filed(&request_id);
                                        // The list offers its Undo.
                                        if widget.journey.with_untracked(|j| j.status_from == Screen::FiledRequests) {
                                            widget.removed_filed.set(removed);
                                        }
                                        widget.go(Step::Back);
                                    }
                                >
                                    {widget.text(id::STATUS_FORGET)}
                                </button>
                            </div>
                        }
                    })}
                }
                .into_any(),
                Some(Err(error)) => view! {
                    {kept_view()}
                    <LoadFailure message=id::STATUS_FAILED error on_retry=Callback::new(move |()| stored.reload())/>
                }
                .into_any(),
                Some(Ok(stored)) => {
                    let for_customer = stored.request.kind == RequestKind::Customer;
                    let resolved = matches!(stored.status, Status::Resolved | Status::Closed);
                    view! {
                        <p class="sw-reference" data-testid="status-reference">{stored.reference.clone()}</p>
                        <p class="sw-status-title">{stored.request.title.clone()}</p>
                        <CurrentStatus status=stored.status testid="status-current"/>
                        <RequestFacts stored=stored.clone() services/>
                        {stored.escalated_as.map(|escalation| view! {
                            <p class="sw-note" data-testid="status-escalated-as">
                                {widget.format(
                                    id::STATUS_ESCALATED_AS,
                                    &i18n::args([("reference", escalation.reference.into())]),
                                )}
                            </p>
                        })}
                        // The reminder stands out once the request is resolved.
                        {for_customer.then(|| view! { <CloseTheLoop strong=resolved/> })}
                        <Thread replies=stored.replies/>
                        <ReplyBox request_id=stored.id.clone() on_sent=Callback::new(move |()| reload())/>
                        <h3 class="sw-subheading">{widget.text(id::STATUS_HISTORY)}</h3>
                        <ol class="sw-history" data-testid="status-history">
                            {stored
                                .history
                                .into_iter()
                                .rev()
                                .map(|change| {
                                    let time = widget.format_time(&change.changed_at);
                                    // A machine-readable time only where there is one.
                                    let datetime = is_rfc3339(&change.changed_at).then_some(change.changed_at);
                                    view! {
                                        <li>
                                            <span class="sw-history-status">{widget.text(status_label(change.status))}</span>
                                            " · "
                                            <time datetime=datetime>{time}</time>
                                            {change.note.map(|note| view! { <p class="sw-history-note">{note}</p> })}
                                        </li>
                                    }
                                })
                                .collect_view()}
                        </ol>
                    }
                    .into_any()
                }
            }}
            // A failure has its own "Try again".
            <div class="sw-actions" hidden=failed>
                <button
                    type="button"
                    class="sw-button sw-button-secondary"
                    data-testid="status-refresh"
                    on:click=move |_| stored.reload()
                >
                    {widget.text(id::STATUS_REFRESH)}
                </button>
            </div>
            <p class="sw-hint" data-testid="status-checked">{checked}</p>
            <p class="sw-visually-hidden" role="status" data-testid="status-announced">{announced}</p>
        </section>
    }
}

/// The request's thread, oldest first, as a conversation reads: who wrote
/// each reply (their name, and whether the customer, the partner or a
/// support representative), when, what they wrote, and the names of its
/// files. Nothing while there is no reply.
#[component]
fn Thread(replies: Vec<Reply>) -> impl IntoView {
    let widget = use_widget();
    (!replies.is_empty()).then(|| {
        let items = replies
            .into_iter()
            .map(|reply| {
                let role = match reply.author.role.as_str() {
                    "customer" => Some(id::STATUS_REPLY_ROLE_CUSTOMER),
                    "partner" => Some(id::STATUS_REPLY_ROLE_PARTNER),
                    "agent" | "admin" => Some(id::STATUS_REPLY_ROLE_SUPPORT),
                    _ => None,
                };
                let author = [
                    reply.author.name,
                    role.map(|r| widget.text(r)()).unwrap_or_default(),
                ]
                .into_iter()
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(" · ");
                let time = widget.format_time(&reply.created_at);
                let datetime = is_rfc3339(&reply.created_at).then_some(reply.created_at);
                let files = (!reply.attachments.is_empty()).then(|| {
                    let names = reply
                        .attachments
                        .into_iter()
                        .map(|file| view! { <li>{file.name}</li> });
                    view! { <ul class="sw-facts-files">{names.collect_view()}</ul> }
                });
                view! {
                    <li data-testid="status-reply">
                        <p class="sw-reply-author">
                            {(!author.is_empty()).then(|| view! { <span>{author}</span> " · " })}
                            <time datetime=datetime>{time}</time>
                        </p>
                        <p class="sw-reply-body">{reply.body}</p>
                        {files}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h3 class="sw-subheading">{widget.text(id::STATUS_REPLIES)}</h3>
            <ol class="sw-thread" data-testid="status-thread">{items}</ol>
        }
    })
}

/// What a filed request is about: the customer it is for, the service (by
/// name, from `services`: left out while, or if, they cannot be had), its
/// category or severity, why it was escalated, and the names of the files
/// with it.
#[component]
fn RequestFacts(
    stored: StoredRequest,
    services: Loaded<Result<Vec<Service>, LoadError>>,
) -> impl IntoView {
    let widget = use_widget();
    let request = stored.request;
    let service = request.service.map(|service| {
        move || match services.get() {
            Some(Ok(services)) => services.into_iter().find(|s| s.id == service).map(|s| {
                view! {
                    <div data-testid="status-service">
                        <dt>{widget.text(id::CR_SERVICE_LABEL)}</dt>
                        <dd>{s.name}</dd>
                    </div>
                }
            }),
            _ => None,
        }
    });
    let fact = move |label: MessageId, value: AnyView| {
        view! {
            <div>
                <dt>{widget.text(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let files = (!stored.attachments.is_empty()).then(|| {
        let names = stored.attachments.into_iter();
        let names = names
            .map(|file| view! { <li>{file.name}</li> })
            .collect_view();
        fact(
            id::STATUS_ATTACHMENTS_LABEL,
            view! { <ul class="sw-facts-files">{names}</ul> }.into_any(),
        )
    });
    let customer = request
        .customer
        .map(|customer| fact(id::CR_CUSTOMER_LABEL, customer.name.into_any()));
    let category = request.category.map(|category| {
        fact(
            id::STATUS_CATEGORY_LABEL,
            widget.text(category_label(category)).into_any(),
        )
    });
    let severity = request.severity.map(|severity| {
        fact(
            id::STATUS_SEVERITY_LABEL,
            widget.text(severity_label(severity).0).into_any(),
        )
    });
    // A reason this version does not name (a request filed by an earlier
    // one) is left out rather than guessed.
    let escalation = (request.escalation)
        .and_then(|escalation| escalation::reason_label_of(&escalation.reason))
        .map(|reason| fact(id::CR_ESCALATION_LABEL, widget.text(reason).into_any()));
    let any = customer.is_some()
        || service.is_some()
        || category.is_some()
        || severity.is_some()
        || escalation.is_some()
        || files.is_some();
    any.then(|| {
        view! {
            <dl class="sw-context" data-testid="status-facts">
                {customer}
                {service}
                {category}
                {severity}
                {escalation}
                {files}
            </dl>
        }
    })
}
