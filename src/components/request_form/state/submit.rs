//! Sending the form's request: one key for every attempt, the filed request
//! remembered on this device, and the page told how it ended.

use leptos::prelude::*;
use support_contract::{ErrorCode, NewSupportRequest};

use super::{RequestFormState, Submission, SubmitOutput};
use crate::sending::new_key;
use crate::{
    api::Transport,
    context::{Connection, FiledRequests, Host, Navigation},
};
use support_rules::{
    filed_requests::FiledRequest,
    host::BackendUrl,
    journey::Step,
    request::{self, SubmitError},
    session::StorageOwner,
};

impl RequestFormState {
    /// Sends `body` with the form's idempotency key until it is filed or the
    /// user stops (`Sender`); a filed request joins the user's list of
    /// requests filed from this device (`filed`), and the journey goes on to
    /// its confirmation (`nav`).
    pub(in crate::components::request_form) fn send(
        &self,
        connection: Connection,
        nav: Navigation,
        filed: FiledRequests,
        host: Host,
        backend: BackendUrl,
        body: NewSupportRequest,
    ) {
        let Submission { pending, value } = self.submit;
        pending.set(true);
        self.sent_as
            .set_value(Some(self.current_draft_untracked().fields));
        let key = self.idempotency_key.get_untracked();
        // The user it is sent for: it goes with their token only.
        let sent_by = connection.storage_owner.get_untracked();
        let user = sent_by
            .as_ref()
            .and_then(StorageOwner::user)
            .map(str::to_owned);
        // Whether that user is still the one signed in (always, when it was
        // sent signed out).
        let theirs = {
            let signed_in = user.is_some();
            move || {
                !signed_in || connection.storage_owner.try_get_untracked() == Some(sent_by.clone())
            }
        };
        let still_theirs = theirs.clone();
        let sent = self
            .sender
            .submit(backend.clone(), key, body.clone(), move || {
                // The headers of the backend the request was sent to: none
                // (the send ends) once the page has named another, or its
                // user has left.
                let same =
                    connection.backend.try_get_untracked().flatten().as_ref() == Some(&backend);
                let transport = (same && still_theirs())
                    .then(|| connection.try_transport())
                    .flatten()?;
                Some(Transport {
                    user: user.clone(),
                    ..transport
                })
            });
        let idempotency_key = self.idempotency_key;
        let state = *self;
        let sent_for = self.about.get_untracked();
        // A write, but not an `Action`: the form outlives its user
        // (`Submission`, docs/architecture.md, "Reads and writes").
        leptos::task::spawn_local_scoped(async move {
            let created = sent.await;
            // The element left the page while the answer was on its way (an
            // abort that came too late to stop it): the widget's state is
            // gone with it, and reading it would stop the WebAssembly, and so
            // every widget on the page. Nobody is left to tell.
            if pending.try_get_untracked().is_none() {
                return;
            }
            // Its user has left (signed out, or another user signed in):
            // their form went with them (`when_user_leaves`), and nothing of
            // theirs joins the next user's screen or list. The page hears.
            if !theirs() {
                tell_the_page(connection, host, &created);
                _ = pending.try_set(false);
                return;
            }
            // The partner went back meanwhile and opened the form for another
            // customer or service: its confirmation would name them. (The
            // form may be gone by now: the element left the page.)
            let moved = state
                .about
                .try_with_untracked(|now| match (&sent_for, now) {
                    (Some(sent_for), Some(now)) => !sent_for.same_target(now),
                    _ => false,
                })
                .unwrap_or(false);
            if let Ok(created) = &created {
                filed.remember(FiledRequest::new(created, &body));
                if let Some(filed_for) = &sent_for {
                    nav.go(Step::RequestFiled {
                        customer: filed_for.customer.id.clone(),
                        service: filed_for.service.id.clone(),
                    });
                }
                state.lend_contact();
                // No confirmation is on screen to say so: the widget does.
                if state.drawn.try_get_value() == Some(0) || moved {
                    let told = (body.title.clone(), created.reference.clone());
                    _ = filed.away.try_update(|filed| filed.push(told));
                }
            }
            // The key went with other words before (an attempt whose answer
            // was lost, then changes): the form says so, and sending again
            // files the request as it is now, under a new key.
            if let Err(SubmitError::Rejected(errors)) = &created {
                if errors
                    .iter()
                    .any(|e| e.code == ErrorCode::IdempotencyKeyReused)
                {
                    _ = idempotency_key.try_set(new_key());
                }
            }
            tell_the_page(connection, host, &created);
            // The form may be gone by now (the element left the page).
            let filed = created.is_ok();
            _ = value.try_set(Some(created));
            _ = pending.try_set(false);
            // The form now for others begins a new request for them.
            if filed && moved {
                state.start_over();
            }
        });
    }
}

/// Tells the page how a submit ended, as a DOM event: once for each answer,
/// whichever screen the widget shows by then.
fn tell_the_page(connection: Connection, host: Host, outcome: &SubmitOutput) {
    match outcome {
        Ok(created) => host.emit(
            "submitted",
            &[
                ("id", created.id.as_str().into()),
                ("reference", created.reference.as_str().into()),
                ("status", created.status.as_str().into()),
            ],
        ),
        Err(error) => {
            // For the page's developers and logs: English, as every other
            // error event's (the user reads the localized text on screen).
            let message = error.to_string();
            let mut detail = vec![("code", error.code().into()), ("message", message.into())];
            // So that the page can tell an expired sign-in (401) from an outage.
            if let SubmitError::Server { status, .. } = error {
                detail.push(("status", (*status).into()));
                if request::no_service_at(*status) {
                    connection.tell_no_service_at(*status);
                }
            }
            host.emit("error", &detail);
        }
    }
}
