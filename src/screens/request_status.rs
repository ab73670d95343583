//! One filed request's status screen (`GET /support-requests/{id}`),
//! refreshable: what it is about, its escalation, the conversation (one
//! timeline with its status changes), and the box for the next reply.
//! Each part is a file of
//! `request_status/`; this one reads the request and lays them out.

mod conversation;
mod escalation;
mod facts;
mod kept;
mod message_actions;
mod next_reply;
mod opened;
mod status_change;

use leptos::prelude::*;
use support_contract::{Reply, RequestKind, RequestStatus, Service, StoredRequest};

use self::{
    conversation::Thread,
    escalation::{EscalatedAsNote, FromMessage},
    facts::RequestFacts,
    kept::{Gone, Kept, KeptFacts},
    message_actions::MessageActions,
    next_reply::{box_kind, BoxKind, ClosingReply},
    opened::{tell_the_page_if_unreadable, UnreadableRequest},
    status_change::{mark_resolved, stored_changes, MarkResolved},
};
use crate::{
    api,
    components::{
        send_reply, status_label, BackButton, CloseTheLoop, CurrentStatus, LoadFailure, ReplyBox,
        ScreenHeading,
    },
    context::{Connection, FiledRequests, Navigation, Words},
    live::Live,
    loaded::Loaded,
};
use support_rules::{
    host::Audience,
    i18n::{self, id},
    journey::Screen,
    live::new_reply,
    request::{LoadError, Unreadable},
    session::Session,
};

/// One filed request's status, with its timeline and, for a customer's
/// request, the reminder to close the loop with the customer. It stays one
/// component of about 170 lines because the read, the status changes and
/// replies it is read again after, and what screen readers hear of each
/// answer all share the one `stored` answer.
#[component]
pub fn RequestStatus() -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let nav = expect_context::<Navigation>();
    let filed = expect_context::<FiledRequests>();
    let request_id = nav
        .journey
        .with_untracked(|j| j.status_of.clone())
        .unwrap_or_default();
    // What this device kept of it when it was filed: shown when the status
    // cannot be had.
    let kept = Kept::of(&request_id);
    // The request the page opened, rather than one a list or a note led to.
    let opened = (nav.journey).with_untracked(|j| j.opened.as_ref() == Some(&request_id));
    // A visitor whose address the backend mailed a link to confirm reads
    // here too where the replies are until then.
    let link_sent = filed.list.with_untracked(|filed| {
        (filed.requests.iter())
            .any(|request| request.id == request_id && request.confirmation_mailed)
    });
    // The request marked resolved from its message's actions, or by the
    // reply that closes the loop: each a change of its own, whose failure
    // its own part of the screen says.
    let marked = mark_resolved(request_id.clone(), false);
    let loop_closed = mark_resolved(request_id.clone(), true);
    // Presses of Refresh, which the reply box's "sent" notice goes with.
    let refreshes = RwSignal::new(0_u32);
    // The replies sent from the box under the thread; a reply that closes
    // the loop then marks the request resolved, after which it is read
    // again.
    let replied = send_reply(request_id.clone(), refreshes.into(), || {});
    let loop_reply = send_reply(request_id.clone(), refreshes.into(), move || {
        _ = loop_closed.dispatch_local(());
    });
    let changes = (
        stored_changes(marked, |answer| matches!(answer, Some(Ok(_)))),
        stored_changes(loop_closed, |answer| matches!(answer, Some(Ok(_)))),
        stored_changes(replied, Result::is_ok),
    );
    // Each answer with the time it came, so that "checked at" is always
    // the shown answer's, even when an earlier answer arrives last. Read
    // again after a new sign-in, and after each status change and reply
    // stored here.
    let asked_for = request_id.clone();
    let live = expect_context::<Live>();
    let stored = Loaded::new(move |abort| {
        // Read again when a change is heard live.
        live.heard.track();
        // Read, not only tracked: a memo never read computes nothing, and
        // so would never hear of its action.
        _ = (changes.0.get(), changes.1.get(), changes.2.get());
        let backend = connection.backend.get();
        let transport = connection.transport_aborted_by(abort);
        let request_id = asked_for.clone();
        // A signed-in user's opening is recorded, so that what was new to
        // them is no longer marked, on any device.
        let signed_in = connection
            .session
            .with_untracked(|session| matches!(session, Session::SignedIn(_)));
        async move {
            let asked_at = js_sys::Date::now();
            let answer = match backend.clone() {
                Some(backend) => {
                    api::request_status(backend, request_id.clone(), transport.clone()).await
                }
                None => Err(LoadError::Network),
            };
            if let Ok(stored) = &answer {
                filed.saw_request(stored, asked_at);
                if let Some(backend) = backend.filter(|_| signed_in) {
                    // Unmarked the next time the lists are read, and no
                    // longer counted; a failure leaves the mark, which the
                    // next opening clears.
                    if api::seen(backend, request_id, transport).await.is_ok() {
                        live.count_again();
                    }
                }
            }
            (answer, String::from(js_sys::Date::new_0().to_iso_string()))
        }
    });
    if opened {
        tell_the_page_if_unreadable(stored, request_id.clone());
    }
    // The services' names, for a request about one: loaded once for the
    // screen, not again with each refresh of the status.
    let about_a_service = Memo::new(move |_| {
        stored
            .get()
            .is_some_and(|(answer, _)| matches!(answer, Ok(s) if s.request.service.is_some()))
    });
    let services = crate::services::services_when(connection, move || about_a_service.get());
    // The time of the answer shown: a failed check shows none.
    let failed = move || matches!(stored.get(), Some((Err(_), _)));
    let checked = move || {
        stored
            .get()
            .and_then(|(answer, time)| answer.is_ok().then_some(time))
            .map(|time| {
                words.format(
                    id::STATUS_CHECKED,
                    &i18n::args([("time", words.format_time(&time).into())]),
                )
            })
    };
    // What screen readers hear after each answer: the status and when it
    // was checked, after "Loading…" while a refresh runs, so that a refresh
    // that changes nothing is heard too. (The first load has its own
    // "Loading…" on screen.)
    // A change heard live since the user last asked (Refresh, or the
    // screen's first reading) is told once, quietly: a reply from someone
    // else by its writer's name, a change of status by the status.
    let heard_when_asked = StoredValue::new(live.heard.get_untracked());
    let me = move || {
        connection.session.with(|session| match session {
            Session::SignedIn(identity) => identity.name.clone(),
            _ => String::new(),
        })
    };
    // What the last answer brought that the one before did not hold.
    let news = Memo::new(move |before: Option<&News>| {
        let Some((Ok(stored), _)) = stored.get() else {
            return before.cloned().unwrap_or_default();
        };
        // Before the first answer, there is nothing to be news against.
        let before = before.filter(|b| b.shown.is_some());
        News {
            reply: new_reply(&stored.replies, before.map(|b| b.replies.as_slice()), &me()).cloned(),
            status: (before.and_then(|b| b.shown) != Some(stored.status))
                .then_some(stored.status)
                .filter(|_| before.is_some()),
            replies: stored.replies.iter().map(|r| r.id.clone()).collect(),
            shown: Some(stored.status),
        }
    });
    let announce = move |answer: Option<(Result<StoredRequest, LoadError>, String)>,
                         reply: Option<Reply>,
                         status: Option<RequestStatus>| match answer {
        _ if live.heard.get() != heard_when_asked.get_value() => {
            if stored.loading() {
                return String::new();
            }
            match (reply, status) {
                (Some(reply), _) => words.format(
                    id::STATUS_NEW_REPLY,
                    &i18n::args([("name", reply.author.name.into())]),
                ),
                (None, Some(status)) => words.format(
                    id::STATUS_CHANGED_LIVE,
                    &i18n::args([("status", words.text(status_label(status))().into())]),
                ),
                (None, None) => String::new(),
            }
        }
        Some(_) if stored.loading() => words.text(id::STATUS_LOADING)(),
        Some((Ok(stored), time)) => words.format(
            id::STATUS_ANNOUNCED,
            &i18n::args([
                ("status", words.text(status_label(stored.status))().into()),
                ("time", words.format_time(&time).into()),
            ]),
        ),
        _ => String::new(),
    };
    let announced = move || {
        // Read on every answer, so that the memo always knows the one
        // before (a memo never read computes nothing).
        let News { reply, status, .. } = news.get();
        announce(stored.get(), reply, status)
    };
    let partner = connection.audience.get_untracked() == Audience::Partner;
    let box_kind = box_kind(stored, partner);
    let shown_id = StoredValue::new(request_id.clone());
    // Partner staff read a customer's message, not a support request: from
    // the inbox before it is read, and by its kind once it is.
    let from_inbox = (nav.journey).with_untracked(|j| j.status_from == Screen::Inbox);
    let heading = move || {
        let message = stored
            .with(|answer| match answer {
                Some((Ok(stored), _)) => {
                    Some(stored.request.kind == RequestKind::CustomerSelfService)
                }
                _ => None,
            })
            .unwrap_or(from_inbox);
        words.text(match partner && message {
            true => id::STATUS_HEADING_MESSAGE,
            false => id::STATUS_HEADING,
        })()
    };

    view! {
        <section class="sw-screen" data-testid="request-status">
            <BackButton on_back=opened::back(stored, partner)/>
            <ScreenHeading>{heading}</ScreenHeading>
            {move || {
            // Drawn again in another language: the times and the authors'
            // roles are written in the language they were drawn in.
            words.locale.track();
            match stored.get().map(|(answer, _)| answer) {
                None => view! { <p role="status">{words.text(id::STATUS_LOADING)}</p> }.into_any(),
                Some(Err(error)) if opened && Unreadable::of(&error).is_some() => {
                    view! { <UnreadableRequest kept=kept.clone()/> }.into_any()
                }
                Some(Err(LoadError::NotFound)) => {
                    view! { <Gone request_id=request_id.clone() kept=kept.clone()/> }.into_any()
                }
                Some(Err(error)) => view! {
                    <KeptFacts kept=kept.clone()/>
                    <LoadFailure message=id::STATUS_FAILED error on_retry=Callback::new(move |()| stored.reload())/>
                }
                .into_any(),
                Some(Ok(stored)) => {
                    view! { <RequestAsStored stored services link_sent mark_resolved=marked/> }.into_any()
                }
            }
            }}
            // Outside the answer, so that a refresh keeps what the box holds
            // (a reply waiting for the connection, files uploading); drawn
            // again only when the kind of box changes.
            {move || box_kind.get().map(|kind| match kind {
                BoxKind::Reply(reader) => view! {
                    <ReplyBox request_id=shown_id.get_value() reader send_reply=replied refreshes/>
                }
                .into_any(),
                BoxKind::Closing { escalation, customer, replied_since } => view! {
                    <ClosingReply
                        message_id=shown_id.get_value()
                        escalation
                        customer
                        replied_since
                        close_loop=loop_closed
                        replied
                        loop_reply
                        refreshes
                    />
                }
                .into_any(),
            })}
            // A failure has its own "Try again".
            <div class="sw-actions" hidden=failed>
                <button
                    type="button"
                    class="sw-button sw-button-secondary"
                    data-testid="status-refresh"
                    on:click=move |_| {
                        refreshes.update(|n| *n += 1);
                        heard_when_asked.set_value(live.heard.get_untracked());
                        stored.reload();
                    }
                >
                    {words.text(id::STATUS_REFRESH)}
                </button>
            </div>
            <p class="sw-hint" data-testid="status-checked">{checked}</p>
            <p class="sw-visually-hidden" role="status" data-testid="status-announced">{announced}</p>
        </section>
    }
}

/// What an answer brought that the one before it did not hold: a reply
/// someone else wrote, a new status; with what it held, for the next.
#[derive(Clone, Default, PartialEq)]
struct News {
    reply: Option<Reply>,
    status: Option<RequestStatus>,
    replies: Vec<String>,
    shown: Option<RequestStatus>,
}

/// The request as the backend has it: its reference, title and status,
/// what it is about, how it and its escalation lead to each other, what
/// partner staff do with a customer's message, the reminder to close the
/// loop, and the conversation.
#[component]
fn RequestAsStored(
    stored: StoredRequest,
    services: Loaded<Result<Vec<Service>, LoadError>>,
    /// Whether the backend mailed a link to confirm the visitor's address.
    link_sent: bool,
    mark_resolved: MarkResolved,
) -> impl IntoView {
    let words = expect_context::<Words>();
    let connection = expect_context::<Connection>();
    let kind = stored.request.kind;
    let for_customer = kind == RequestKind::Customer;
    let message = kind == RequestKind::CustomerSelfService;
    let resolved = stored.status.is_finished();
    let partner = connection.audience.get_untracked() == Audience::Partner;
    let customer = (stored.request.customer.as_ref())
        .map(|c| c.name.clone())
        .unwrap_or_default();
    // An escalation that began as a customer's message leads back to it;
    // once resolved, to close the loop there.
    let from_message = (stored.request.related_request.clone()).filter(|_| partner && for_customer);
    // Once resolved, an escalation of a customer's message leads to closing
    // the loop there, which says it all.
    let reminder = for_customer && !(resolved && from_message.is_some());
    let reference = stored.reference.clone();
    view! {
        <p class="sw-reference" data-testid="status-reference">{stored.reference.clone()}</p>
        <p class="sw-status-title">{stored.request.title.clone()}</p>
        <CurrentStatus status=stored.status testid="status-current"/>
        {link_sent.then(|| view! {
            <p data-testid="address-link-sent">{words.text(id::CONFIRM_ADDRESS_LINK_SENT)}</p>
        })}
        <RequestFacts stored=stored.clone() services/>
        {stored.escalated_as.clone().map(|escalation| view! { <EscalatedAsNote escalation partner/> })}
        {(partner && message).then(|| view! {
            <MessageActions stored=stored.clone() services mark_resolved/>
        })}
        {from_message.map(|request_id| view! {
            <FromMessage request_id reference customer resolved/>
        })}
        // The reminder stands out once the request is resolved.
        {reminder.then(|| view! { <CloseTheLoop strong=resolved/> })}
        <Thread stored/>
    }
}
