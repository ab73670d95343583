use support_contract::{Reply, ReplyAuthor, RequestKind, RequestStatus};

use super::*;

const REPLY: &str = "id: 42\nevent: request.reply_added\ndata: {\"id\":\"r-1\",\"reference\":\"SR-1\",\"kind\":\"customer_self_service\",\"status\":\"in_progress\"}\n\n";

#[test]
fn an_event_is_read_whole_wherever_the_pieces_end() {
    let whole = EventStream::default().feed(REPLY);
    assert_eq!(whole.len(), 1);
    for cut in 0..REPLY.len() {
        let mut stream = EventStream::default();
        let mut events = stream.feed(&REPLY[..cut]);
        events.extend(stream.feed(&REPLY[cut..]));
        assert_eq!(events, whole, "cut at {cut}");
    }
    assert_eq!(whole[0].id.as_deref(), Some("42"));
    assert_eq!(whole[0].event, "request.reply_added");
}

#[test]
fn comments_keep_the_stream_alive_and_say_nothing() {
    let mut stream = EventStream::default();
    assert!(stream.feed(": keep-alive\n\n:\n\n").is_empty());
    assert_eq!(stream.feed(REPLY).len(), 1);
}

#[test]
fn crlf_and_cr_end_lines_as_lf_does_even_split_between_pieces() {
    let crlf = REPLY.replace('\n', "\r\n");
    let mut stream = EventStream::default();
    let cut = crlf.find("\r\n").unwrap() + 1;
    let mut events = stream.feed(&crlf[..cut]);
    events.extend(stream.feed(&crlf[cut..]));
    assert_eq!(events, EventStream::default().feed(REPLY));
    let cr = REPLY.replace('\n', "\r");
    assert_eq!(
        EventStream::default().feed(&cr),
        EventStream::default().feed(REPLY)
    );
}

#[test]
fn data_lines_join_and_the_last_id_carries_on() {
    let mut stream = EventStream::default();
    let events = stream.feed("id: 7\ndata: a\ndata:b\n\ndata: c\n\n");
    assert_eq!(events[0].data, "a\nb");
    assert_eq!(events[0].event, "message");
    assert_eq!(events[1].id.as_deref(), Some("7"));
    assert_eq!(stream.last_id(), Some("7"));
}

#[test]
fn an_event_without_data_is_not_dispatched_but_its_id_counts() {
    let mut stream = EventStream::default();
    assert!(stream.feed("id: 9\nevent: request.created\n\n").is_empty());
    assert_eq!(stream.last_id(), Some("9"));
}

#[test]
fn a_change_is_read_from_a_known_event() {
    let event = &EventStream::default().feed(REPLY)[0];
    let change = Change::of(event).unwrap();
    assert_eq!(change.what, Changed::ReplyAdded);
    assert_eq!(change.request.id, "r-1");
    assert_eq!(change.request.reference, "SR-1");
    assert_eq!(change.request.kind, RequestKind::CustomerSelfService);
    assert_eq!(change.request.status, RequestStatus::InProgress);
}

#[test]
fn an_unknown_event_or_unreadable_data_is_passed_over() {
    let unknown = ServerEvent {
        event: "request.archived".into(),
        data: "{}".into(),
        ..ServerEvent::default()
    };
    assert_eq!(Change::of(&unknown), None);
    let unreadable = ServerEvent {
        event: "request.created".into(),
        data: "not json".into(),
        ..ServerEvent::default()
    };
    assert_eq!(Change::of(&unreadable), None);
}

#[test]
fn the_servers_retry_is_kept_when_it_is_a_number_of_milliseconds() {
    let mut stream = EventStream::default();
    assert_eq!(stream.retry(), None);
    stream.feed("retry: 5000\n\n");
    assert_eq!(stream.retry(), Some(std::time::Duration::from_secs(5)));
    for ignored in ["retry: soon\n", "retry: -1\n", "retry: 1.5\n", "retry:\n"] {
        stream.feed(ignored);
        assert_eq!(
            stream.retry(),
            Some(std::time::Duration::from_secs(5)),
            "{ignored}"
        );
    }
}

fn reply(id: &str, name: &str) -> Reply {
    Reply {
        id: id.into(),
        body: "Checked.".into(),
        author: ReplyAuthor {
            name: name.into(),
            role: "partner".into(),
        },
        created_at: "2026-11-28T10:00:00Z".into(),
        attachments: Vec::new(),
    }
}

#[test]
fn a_reply_someone_else_wrote_since_is_news_once() {
    let replies = [reply("1", "Zhang Wei"), reply("2", "Pat Partner")];
    let before = ["1".to_owned()];
    let news = new_reply(&replies, Some(&before), "Zhang Wei");
    assert_eq!(news.map(|r| r.id.as_str()), Some("2"));
    let after = ["1".to_owned(), "2".to_owned()];
    assert_eq!(new_reply(&replies, Some(&after), "Zhang Wei"), None);
}

#[test]
fn ones_own_reply_and_the_first_reading_are_no_news() {
    let replies = [reply("1", "Pat Partner")];
    assert_eq!(new_reply(&replies, Some(&[]), "Pat Partner"), None);
    assert_eq!(new_reply(&replies, None, "Zhang Wei"), None);
    assert_eq!(new_reply(&[], Some(&[]), "Zhang Wei"), None);
}
