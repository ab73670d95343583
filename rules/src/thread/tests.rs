use support_contract::{Reply, ReplyAuthor, RequestKind, RequestStatus, StatusChange};

use super::*;

fn reply(body: &str, at: &str) -> Reply {
    Reply {
        id: body.into(),
        body: body.into(),
        author: ReplyAuthor {
            name: "Lin".into(),
            role: "partner".into(),
        },
        created_at: at.into(),
        attachments: Vec::new(),
    }
}

fn change(status: RequestStatus, at: &str) -> StatusChange {
    StatusChange {
        status,
        changed_at: at.into(),
        note: None,
    }
}

fn shape(entries: &[Entry]) -> Vec<String> {
    entries
        .iter()
        .map(|entry| match entry {
            Entry::Message => "message".to_owned(),
            Entry::Reply(reply) => reply.body.clone(),
            Entry::Status(change) => change.status.as_str().to_owned(),
        })
        .collect()
}

#[test]
fn the_message_comes_first_then_everything_else_by_time() {
    let entries = timeline(
        vec![
            reply("which report?", "2026-11-20T10:05:00Z"),
            reply("the sales one", "2026-11-20T11:00:00Z"),
        ],
        vec![
            change(RequestStatus::Submitted, "2026-11-20T10:00:00Z"),
            change(RequestStatus::InProgress, "2026-11-20T10:05:00Z"),
            change(RequestStatus::Resolved, "2026-11-21T09:00:00Z"),
        ],
    );
    assert_eq!(
        shape(&entries),
        [
            "message",
            "submitted",
            // The reply that moved it on reads before the move.
            "which report?",
            "in_progress",
            "the sales one",
            "resolved",
        ]
    );
}

#[test]
fn a_thread_of_one_kind_keeps_its_own_order() {
    let entries = timeline(
        vec![
            reply("b", "2026-11-20T10:05:00Z"),
            reply("a", "2026-11-20T10:05:00Z"),
        ],
        Vec::new(),
    );
    assert_eq!(shape(&entries), ["message", "b", "a"]);
    assert_eq!(shape(&timeline(Vec::new(), Vec::new())), ["message"]);
}

#[test]
fn own_words_are_the_readers_side() {
    assert!(own_side("partner", Audience::Partner));
    assert!(!own_side("customer", Audience::Partner));
    assert!(!own_side("agent", Audience::Partner));
    assert!(own_side("customer", Audience::Customer));
    assert!(!own_side("partner", Audience::Customer));
    // A backend without sign-in names no role: nobody's own.
    assert!(!own_side("", Audience::Customer));
    assert_eq!(filer_role(RequestKind::CustomerSelfService), "customer");
    assert_eq!(filer_role(RequestKind::Customer), "partner");
}

#[test]
fn the_reply_box_names_who_reads_the_reply() {
    use ReplyReader::*;
    assert_eq!(
        reply_reader(RequestKind::CustomerSelfService, Audience::Partner),
        TheCustomer
    );
    assert_eq!(
        reply_reader(RequestKind::Customer, Audience::Partner),
        Support
    );
    assert_eq!(
        reply_reader(RequestKind::PartnerCenter, Audience::Partner),
        Support
    );
    assert_eq!(
        reply_reader(RequestKind::CustomerSelfService, Audience::Customer),
        ThePartner
    );
}

#[test]
fn a_message_waits_until_the_partner_has_the_last_word() {
    let by = |role: &str| Reply {
        author: ReplyAuthor {
            name: String::new(),
            role: role.into(),
        },
        ..reply("words", "2026-11-20T10:00:00Z")
    };
    assert!(customer_waits(&[]));
    assert!(customer_waits(&[by("partner"), by("customer")]));
    assert!(!customer_waits(&[by("customer"), by("partner")]));
    // A support representative's note is not the partner's answer.
    assert!(customer_waits(&[by("customer"), by("agent")]));
    assert!(!customer_waits(&[by("partner"), by("agent")]));
}
