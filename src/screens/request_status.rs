use leptos::prelude::*;
use support_contract::{
    Customer, EscalatedAs, Reply, RequestKind, RequestStatus as Status, Service, StoredRequest,
};

use crate::{
    api,
    components::{
        failure_message, new_key, status_label, AttachedFiles, BackButton, CloseTheLoop, Closing,
        CurrentStatus, LoadFailure, Posted, ReplyBox, ScreenHeading,
    },
    context::use_widget,
    effects::effect,
    loaded::Loaded,
    rules::{
        escalation,
        host::Audience,
        i18n::{self, id, MessageId},
        journey::{Escalating, Screen, Step},
        request::LoadError,
        request_fields::{category_label, severity_label},
        session::Session,
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
    // A visitor whose address the backend mailed a link to confirm reads
    // here too where the replies are until then.
    let link_sent = widget.filed.with_untracked(|filed| {
        (filed.requests.iter())
            .any(|request| request.id == request_id && request.confirmation_mailed)
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

    // The box under the thread: a reply, or the reply that closes the loop
    // once 21Vianet resolved the escalation of a customer's request the
    // partner has not closed yet; none for a visitor, who reads back what
    // they sent, and no more. The last answer's, while another is loading.
    let partner = widget.audience.get_untracked() == Audience::Partner;
    let box_kind = Memo::new(move |before: Option<&Option<BoxKind>>| {
        let Some((Ok(stored), _)) = stored.get() else {
            return before.cloned().flatten();
        };
        let signed_in = widget.session.with(|s| matches!(s, Session::SignedIn(_)));
        let message = stored.request.kind == RequestKind::CustomerSelfService;
        let closing = (stored.escalated_as)
            .filter(|e| partner && message && !is_resolved(stored.status) && is_resolved(e.status));
        match closing {
            Some(escalation) => Some(BoxKind::Closing {
                escalation,
                customer: stored.request.customer.map(|c| c.name).unwrap_or_default(),
                replied_since: (stored.replies.iter().rev())
                    .find(|reply| reply.author.role == "partner")
                    .map(|reply| reply.created_at.clone()),
            }),
            None => (partner || signed_in).then_some(BoxKind::Reply),
        }
    });
    let shown_id = StoredValue::new(request_id.clone());
    // Presses of Refresh, which the reply box's "sent" notice goes with.
    let refreshes = RwSignal::new(0_u32);

    view! {
        <section class="sw-screen" data-testid="request-status">
            <BackButton/>
            <ScreenHeading>{widget.text(id::STATUS_HEADING)}</ScreenHeading>
            {move || {
            // Drawn again in another language: the times and the authors'
            // roles are written in the language they were drawn in.
            widget.locale.track();
            match stored.get().map(|(answer, _)| answer) {
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
                    let kind = stored.request.kind;
                    let for_customer = kind == RequestKind::Customer;
                    let message = kind == RequestKind::CustomerSelfService;
                    let resolved = is_resolved(stored.status);
                    let partner = widget.audience.get_untracked() == Audience::Partner;
                    let customer = stored.request.customer.as_ref().map(|c| c.name.clone()).unwrap_or_default();
                    // An escalation that began as a customer's message leads
                    // back to it; once resolved, to close the loop there.
                    let from_message = (stored.request.related_request.clone())
                        .filter(|_| partner && for_customer);
                    // Once resolved, an escalation of a customer's message
                    // leads to closing the loop there, which says it all.
                    let reminder = for_customer && !(resolved && from_message.is_some());
                    view! {
                        <p class="sw-reference" data-testid="status-reference">{stored.reference.clone()}</p>
                        <p class="sw-status-title">{stored.request.title.clone()}</p>
                        <CurrentStatus status=stored.status testid="status-current"/>
                        {link_sent.then(|| view! {
                            <p data-testid="address-link-sent">{widget.text(id::CONFIRM_ADDRESS_LINK_SENT)}</p>
                        })}
                        <RequestFacts stored=stored.clone() services/>
                        // Partner staff open the escalation, to read 21Vianet's
                        // side; a customer cannot.
                        {stored.escalated_as.clone().map(|escalation| {
                            // Partner staff read the resolution on the
                            // escalation, and in the box that closes the loop.
                            let said = match is_resolved(escalation.status) && !partner {
                                true => id::STATUS_ESCALATED_AS_RESOLVED,
                                false => id::STATUS_ESCALATED_AS,
                            };
                            let text = widget.format(
                                said,
                                &i18n::args([("reference", escalation.reference.into())]),
                            );
                            let opens = partner.then(|| Opens {
                                request_id: escalation.id,
                                label: widget.text(id::STATUS_OPEN_ESCALATION)(),
                                testid: "open-escalation",
                            });
                            view! { <LinkedNote text testid="status-escalated-as" opens/> }
                        })}
                        {(partner && message).then(|| view! {
                            <MessageActions stored=stored.clone() services on_changed=Callback::new(move |()| reload())/>
                        })}
                        {from_message.map(|request_id| {
                            match resolved {
                                true => {
                                    let reference = stored.reference.clone();
                                    view! { <LoopToClose request_id reference customer=customer.clone()/> }.into_any()
                                }
                                false => {
                                    let customer = i18n::args([("customer", customer.clone().into())]);
                                    let text = widget.format(id::STATUS_FROM_MESSAGE, &customer);
                                    let label = widget.text(id::STATUS_OPEN_MESSAGE)();
                                    let opens = Some(Opens { request_id, label, testid: "open-message" });
                                    view! { <LinkedNote text testid="escalated-from" opens/> }.into_any()
                                }
                            }
                        })}
                        // The reminder stands out once the request is resolved.
                        {reminder.then(|| view! { <CloseTheLoop strong=resolved/> })}
                        <Thread replies=stored.replies/>
                    }
                    .into_any()
                }
            }
            }}
            // Outside the answer, so that a refresh keeps what the box holds
            // (a reply waiting for the connection, files uploading); drawn
            // again only when the kind of box changes.
            {move || box_kind.get().map(|kind| match kind {
                BoxKind::Reply => view! {
                    <ReplyBox request_id=shown_id.get_value() on_sent=Callback::new(move |()| reload()) refreshes/>
                }
                .into_any(),
                BoxKind::Closing { escalation, customer, replied_since } => view! {
                    <ClosingReply
                        message_id=shown_id.get_value()
                        escalation
                        customer
                        replied_since
                        on_closed=Callback::new(move |()| reload())
                        refreshes
                    />
                }
                .into_any(),
            })}
            {move || {
            widget.locale.track();
            match stored.get().map(|(answer, _)| answer) {
                Some(Ok(stored)) => {
                    view! {
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
                _ => ().into_any(),
            }
            }}
            // A failure has its own "Try again".
            <div class="sw-actions" hidden=failed>
                <button
                    type="button"
                    class="sw-button sw-button-secondary"
                    data-testid="status-refresh"
                    on:click=move |_| {
                        refreshes.update(|n| *n += 1);
                        stored.reload();
                    }
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
                let files = (!reply.attachments.is_empty())
                    .then(|| view! { <AttachedFiles files=reply.attachments/> });
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

/// What a filed request is about: the customer it is for (and, to the
/// partner, who at the customer wrote it), the service (by name, from
/// `services`: left out while, or if, they cannot be had), its category or
/// severity, why it was escalated, its description, the help articles read
/// before it, and the names of the files with it.
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
        let list = view! { <AttachedFiles files=stored.attachments/> };
        fact(id::STATUS_ATTACHMENTS_LABEL, list.into_any())
    });
    // A customer reads their own requests: their company is not news to
    // them, and the articles are the ones they were shown.
    let partner_reads = widget.audience.get_untracked() == Audience::Partner;
    let customer = (request.customer)
        .filter(|_| partner_reads)
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
    // Who sent a customer's message, and how they asked to be contacted,
    // for the partner who answers it.
    let (contact, language) = if request.kind == RequestKind::CustomerSelfService && partner_reads {
        let contact = request.contact;
        let text = [
            contact.name,
            contact.email,
            contact.phone.unwrap_or_default(),
        ]
        .into_iter()
        .filter(|part| !part.trim().is_empty())
        .collect::<Vec<_>>()
        .join(" · ");
        let language = contact.language;
        let name = view! {
            <span lang=language.as_str() data-testid="status-contact-language">
                {widget.text(i18n::language_name(language))}
            </span>
        };
        (
            (!text.is_empty()).then(|| fact(id::STATUS_CONTACT_LABEL, text.into_any())),
            Some(fact(id::FIELD_CONTACT_LANGUAGE_LABEL, name.into_any())),
        )
    } else {
        (None, None)
    };
    let articles = (!request.articles_seen.is_empty()).then(|| {
        fact(
            if partner_reads {
                id::STATUS_ARTICLES_LABEL
            } else {
                id::STATUS_ARTICLES_LABEL_OWN
            },
            view! { <ArticlesRead ids=request.articles_seen/> }.into_any(),
        )
    });
    let description = (!request.description.trim().is_empty()).then(|| {
        view! {
            <div data-testid="status-description">
                <dt>{widget.text(id::STATUS_DESCRIPTION_LABEL)}</dt>
                <dd class="sw-reply-body">{request.description}</dd>
            </div>
        }
    });
    view! {
        <dl class="sw-context" data-testid="status-facts">
            {customer}
            {contact}
            {language}
            {service}
            {category}
            {severity}
            {escalation}
            {description}
            {articles}
            {files}
        </dl>
    }
}

/// The help articles a customer read before writing, by title where the
/// backend still has them in the widget's language, else by id.
#[component]
fn ArticlesRead(ids: Vec<String>) -> impl IntoView {
    let widget = use_widget();
    let articles = Loaded::new(move || {
        let backend = widget.backend.get();
        let locale = widget.locale.get();
        let transport = widget.transport();
        async move {
            api::search_articles(backend?, String::new(), locale, transport)
                .await
                .ok()
        }
    });
    let items = move || {
        let known = articles.get().flatten().unwrap_or_default();
        ids.iter()
            .map(|id| {
                let title = known
                    .iter()
                    .find(|article| &article.id == id)
                    .map_or_else(|| id.clone(), |article| article.title.clone());
                view! { <li>{title}</li> }
            })
            .collect_view()
    };
    view! { <ul class="sw-facts-files" data-testid="status-articles">{items}</ul> }
}

/// Which box the status screen has under the thread.
#[derive(Clone, PartialEq)]
enum BoxKind {
    Reply,
    /// `replied_since`: when the partner last replied on the request.
    Closing {
        escalation: EscalatedAs,
        customer: String,
        replied_since: Option<String>,
    },
}

/// Whether 21Vianet, or the partner, is done with a request.
fn is_resolved(status: Status) -> bool {
    matches!(status, Status::Resolved | Status::Closed)
}

/// What partner staff do with a customer's message: mark it resolved once
/// answered, or escalate it to 21Vianet on the customer's behalf (the one
/// path, with the customer, service, words and files of the message
/// carried over).
#[component]
fn MessageActions(
    stored: StoredRequest,
    services: Loaded<Result<Vec<Service>, LoadError>>,
    on_changed: Callback<()>,
) -> impl IntoView {
    let widget = use_widget();
    let request_id = StoredValue::new(stored.id.clone());
    // One change, however often it is tried: a retry after a lost answer
    // is not a second change.
    let key = StoredValue::new(new_key());
    let mark_resolved = Action::new_local(move |(): &()| {
        let backend = widget.backend.get_untracked();
        let transport = widget.transport();
        let (request_id, key) = (request_id.get_value(), key.get_value());
        async move {
            Some(api::set_status(backend?, request_id, Status::Resolved, key, transport).await)
        }
    });
    let (marking, answer) = (mark_resolved.pending(), mark_resolved.value());
    // Once the backend has stored it, the button goes with the open status:
    // focus goes to the screen's heading, and the screen reads the request
    // again, announcing its new status.
    effect(move |_| {
        if answer.with(|answer| matches!(answer, Some(Some(Ok(_))))) {
            widget.focus_when_drawn("h2.sw-heading");
            untrack(|| on_changed.run(()));
        }
    });
    let failure = move || match answer.get() {
        Some(Some(Err(error))) if !marking.get() => {
            Some(failure_message(widget, error, Posted::StatusChange))
        }
        _ => None,
    };
    let escalated = stored.escalated_as.is_some();
    let open = !is_resolved(stored.status);
    let request = stored.request;
    let service_id = request.service.clone();
    let customer = request.customer.map(|customer| Customer {
        id: customer.id,
        name: customer.name,
        domain: String::new(),
    });
    let message = Escalating {
        id: stored.id,
        title: request.title,
        description: request.description,
        attachments: stored.attachments,
        entry: None,
    };
    let escalate = move |_| {
        if marking.get_untracked() {
            return;
        }
        // The service as the catalogue names it, when it still has it.
        let service = match (&service_id, services.get()) {
            (Some(id), Some(Ok(services))) => services.into_iter().find(|s| &s.id == id),
            _ => None,
        };
        widget.go(Step::Escalate {
            message: message.clone(),
            customer: customer.clone(),
            service,
        });
    };
    view! {
        <div class="sw-actions" data-testid="message-actions">
            {(!escalated).then(|| view! {
                <button
                    type="button"
                    class="sw-button sw-button-primary"
                    aria-disabled=move || marking.get().to_string()
                    data-testid="message-escalate"
                    on:click=escalate
                >
                    {widget.text(id::STATUS_ESCALATE)}
                </button>
            })}
            {open.then(|| view! {
                <button
                    type="button"
                    class="sw-button sw-button-secondary"
                    aria-disabled=move || marking.get().to_string()
                    data-testid="message-mark-resolved"
                    on:click=move |_| {
                        // A second click while it is on its way marks once.
                        if !marking.get_untracked() {
                            mark_resolved.dispatch_local(());
                        }
                    }
                >
                    {move || widget.text(if marking.get() { id::STATUS_MARKING_RESOLVED } else { id::STATUS_MARK_RESOLVED })()}
                </button>
            })}
        </div>
        <p class="sw-field-error" role="alert" data-testid="message-failure">{failure}</p>
    }
}

/// Where a note's button leads: the request it opens, the button's label
/// and its test id.
struct Opens {
    request_id: String,
    label: String,
    testid: &'static str,
}

/// A note on one request that leads to another: the escalation a customer's
/// request became, or the customer's request an escalation began as (once
/// 21Vianet resolved it, `strong`: the way to close the loop). Without
/// `opens`, for a reader who may not open the other request, it only tells.
#[component]
fn LinkedNote(
    text: String,
    testid: &'static str,
    #[prop(optional)] strong: bool,
    opens: Option<Opens>,
) -> impl IntoView {
    let widget = use_widget();
    let button_class = match strong {
        true => "sw-button sw-button-primary",
        false => "sw-button sw-button-secondary",
    };
    view! {
        <div class="sw-note" class:sw-note-strong=strong data-testid=testid>
            <p>{text}</p>
            {opens.map(|Opens { request_id, label, testid }| view! {
                <button
                    type="button"
                    class=button_class
                    data-testid=testid
                    on:click=move |_| widget.go(Step::ViewStatus(request_id.clone()))
                >
                    {label}
                </button>
            })}
        </div>
    }
}

/// On an escalation of a customer's message (`request_id`) that 21Vianet
/// resolved: "Close the loop with CUSTOMER", which opens the message; or,
/// once the message is resolved too, that it is, with the way to it.
/// Nothing while the message's status is on its way, rather than a way to
/// close the loop that may go at once; if it cannot be had, the way to
/// close the loop.
#[component]
fn LoopToClose(request_id: String, reference: String, customer: String) -> impl IntoView {
    let widget = use_widget();
    let message_id = request_id.clone();
    let message_resolved = Loaded::new(move || {
        widget.signed_in_again.track();
        let backend = widget.backend.get();
        let transport = widget.transport();
        let message_id = message_id.clone();
        async move {
            let stored = widget.request_status(backend?, message_id, transport).await;
            Some(stored.is_ok_and(|stored| is_resolved(stored.status)))
        }
    });
    let reference = i18n::args([("reference", reference.into())]);
    let customer = i18n::args([("customer", customer.into())]);
    move || {
        let known = message_resolved.get()?;
        let request_id = request_id.clone();
        Some(if known == Some(true) {
            let text = widget.format(id::STATUS_LOOP_CLOSED, &reference);
            let label = widget.text(id::STATUS_OPEN_MESSAGE)();
            let opens = Some(Opens {
                request_id,
                label,
                testid: "open-message",
            });
            view! { <LinkedNote text testid="loop-closed" opens/> }.into_any()
        } else {
            let text = widget.format(id::STATUS_ESCALATION_RESOLVED, &reference);
            let label = widget.format(id::STATUS_CLOSE_LOOP_HEADING, &customer);
            let opens = Some(Opens {
                request_id,
                label,
                testid: "close-loop-open",
            });
            view! { <LinkedNote text testid="escalation-resolved" strong=true opens/> }.into_any()
        })
    }
}

/// On a customer's message whose escalation 21Vianet resolved: "Close the
/// loop with CUSTOMER", a reply that begins with 21Vianet's resolution note
/// and, once sent, marks the message resolved. Once the partner has replied
/// since the resolution (a closing reply whose mark failed), the box is a
/// plain reply, and "Mark resolved" above finishes the loop: the note is
/// not offered to be sent twice.
#[component]
fn ClosingReply(
    message_id: String,
    escalation: EscalatedAs,
    customer: String,
    /// When the partner last replied on the message.
    replied_since: Option<String>,
    on_closed: Callback<()>,
    #[prop(into)] refreshes: Signal<u32>,
) -> impl IntoView {
    let widget = use_widget();
    let escalation_id = escalation.id.clone();
    // The note 21Vianet resolved it with, and when: the escalation's latest.
    let resolution = Loaded::new(move || {
        let backend = widget.backend.get();
        let transport = widget.transport();
        let escalation_id = escalation_id.clone();
        async move {
            let stored = widget
                .request_status(backend?, escalation_id, transport)
                .await
                .ok()?;
            let change = stored
                .history
                .into_iter()
                .rev()
                .find(|c| is_resolved(c.status))?;
            Some((change.note.unwrap_or_default(), change.changed_at))
        }
    });
    let text = widget.format(
        id::STATUS_ESCALATION_RESOLVED,
        &i18n::args([("reference", escalation.reference.into())]),
    );
    let heading = widget.format(
        id::STATUS_CLOSE_LOOP_HEADING,
        &i18n::args([("customer", customer.into())]),
    );
    let message_id = StoredValue::new(message_id);
    // The reply is stored: the message is marked resolved, and the screen
    // reads it again. A failed mark is said, and "Mark resolved" stays.
    let key = StoredValue::new(new_key());
    let mark_resolved = Action::new_local(move |(): &()| {
        let (backend, transport) = (widget.backend.get_untracked(), widget.transport());
        let (message_id, key) = (message_id.get_value(), key.get_value());
        async move {
            Some(api::set_status(backend?, message_id, Status::Resolved, key, transport).await)
        }
    });
    let on_sent = Callback::new(move |()| _ = mark_resolved.dispatch_local(()));
    let answer = mark_resolved.value();
    // The box goes with the open status: focus goes to the screen's heading
    // (unless the user went elsewhere while the reply waited to go), and the
    // screen reads the request again, announcing its new status.
    effect(move |_| {
        if answer.with(|answer| matches!(answer, Some(Some(Ok(_))))) {
            widget.focus_when_drawn_unless_away("h2.sw-heading");
            untrack(|| on_closed.run(()));
        }
    });
    let failure = move || match answer.get() {
        Some(Some(Err(error))) => Some(failure_message(widget, error, Posted::StatusChange)),
        _ => None,
    };
    view! {
        <p class="sw-note sw-note-strong" data-testid="escalation-resolved">{text}</p>
        <p class="sw-field-error" role="alert" data-testid="close-loop-failure">{failure}</p>
        {move || resolution.with(|loaded| loaded.clone()).map(|resolution| {
            let closed_before = resolution.as_ref().is_some_and(|(_, resolved_at)| {
                escalation::answered_since_resolved(replied_since.as_deref(), resolved_at)
            });
            if closed_before {
                return view! { <ReplyBox request_id=message_id.get_value() on_sent=on_closed refreshes/> }.into_any();
            }
            let closing = Closing {
                heading: heading.clone(),
                prefill: resolution.map(|(note, _)| note).unwrap_or_default(),
            };
            view! { <ReplyBox request_id=message_id.get_value() on_sent closing refreshes/> }.into_any()
        })}
    }
}
