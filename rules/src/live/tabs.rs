//! One stream per browser, not per tab: HTTP/1.1 gives a page about six
//! connections to one origin, and a portal open in ten tabs needs only one
//! stream.
//!
//! The tabs that show the same user of the same backend ([`shared_name`])
//! share it. The one that holds the lock of that name (the Web Locks API)
//! leads: it holds the stream, reads the unread count, and tells the other
//! tabs, its followers, each event and each count on a `BroadcastChannel`
//! of the same name ([`Shared::Told`]). A follower asks for the lock too,
//! and waits: when the leader goes (its tab closed, its element removed),
//! the browser grants the lock to one waiting follower, which leads from
//! then on and resumes the stream after the last event it was told of.
//! Where the browser lacks either API ([`shares`]), each tab holds its own
//! stream.
//!
//! A follower may miss what the leader told (a tab frozen in the
//! background, or kept in the back/forward cache): the leader numbers what
//! it tells, and a follower that finds a number missing reads again what
//! its screens show and asks for the count ([`Follower::hear`]).

use serde::{Deserialize, Serialize};

use super::{unread::Unread, ServerEvent};
use crate::host::BackendUrl;

/// The lock's and the channel's name: one per backend and signed-in user
/// (`Identity::user`, a digest of who the token names), so that two users
/// or two backends never share a stream.
pub fn shared_name(backend: &BackendUrl, user: &str) -> String {
    format!("support-widget live {user} {}", backend.as_str())
}

/// Whether this browser's tabs can share one stream: both APIs are needed.
/// A lock without a channel would leave the followers deaf; a channel
/// without a lock could not choose one leader.
pub fn shares(has_locks: bool, has_channel: bool) -> bool {
    has_locks && has_channel
}

/// What one tab tells the others on the channel, as JSON.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Shared {
    /// From the leader, numbered from 0 by each leader in turn.
    Told {
        leader: String,
        seq: u64,
        told: Told,
    },
    /// From a follower that has just started, has posted `seen` or has
    /// missed something: the leader reads the count again and tells it.
    AskCount,
    /// From a follower whose tab woke up: the leader's stream may have
    /// ended unheard meanwhile (a phone drops a background tab's
    /// connections without an error), so it connects again at once.
    Woke,
}

/// What the leader tells its followers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "what", rename_all = "snake_case")]
pub enum Told {
    /// An event of the stream, as the leader heard it.
    Event(ServerEvent),
    /// The count, read again.
    Unread(Unread),
    /// The stream cannot be held: the screens read again what they show.
    LookAgain,
}

/// The tab that holds the stream: numbers what it tells.
#[derive(Debug)]
pub struct Leader {
    id: String,
    next: u64,
}

impl Leader {
    /// `id` tells this leader from the one before it: a random one.
    pub fn new(id: String) -> Leader {
        Leader { id, next: 0 }
    }

    /// `told`, numbered for the channel.
    pub fn tell(&mut self, told: Told) -> Shared {
        let seq = self.next;
        self.next += 1;
        Shared::Told {
            leader: self.id.clone(),
            seq,
            told,
        }
    }
}

/// A tab that follows the leader's stream.
#[derive(Debug, Default)]
pub struct Follower {
    /// The leader heard last, and the number expected next from it.
    leader: Option<(String, u64)>,
    /// The last event told of: where this tab resumes the stream if it
    /// comes to lead.
    last_id: Option<String>,
}

/// What a follower was told, and whether it missed something before.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Heard {
    pub told: Told,
    /// Then the follower's screens read again what they show, and it asks
    /// for the count ([`Shared::AskCount`]).
    pub missed: bool,
}

impl Follower {
    /// What `shared` tells this follower; none for what followers say to
    /// the leader. The first leader a tab hears may have told much before:
    /// the tab read everything itself when it started, so it missed
    /// nothing. A new leader starts from 0.
    pub fn hear(&mut self, shared: Shared) -> Option<Heard> {
        let Shared::Told { leader, seq, told } = shared else {
            return None;
        };
        let missed = match &self.leader {
            None => false,
            Some((last, next)) if *last == leader => seq != *next,
            Some(_) => seq != 0,
        };
        self.leader = Some((leader, seq.saturating_add(1)));
        if let Told::Event(event) = &told {
            self.last_id = event.id.clone().or(self.last_id.take());
        }
        Some(Heard { told, missed })
    }

    /// The id to resume the stream after, once this tab leads.
    pub fn last_id(&self) -> Option<&str> {
        self.last_id.as_deref()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{json, live::unread::UnreadRequest};

    fn event(id: &str) -> Told {
        Told::Event(ServerEvent {
            id: Some(id.to_owned()),
            event: "request.reply_added".to_owned(),
            data: "{}".to_owned(),
        })
    }

    #[test]
    fn two_users_or_two_backends_never_share() {
        let one = BackendUrl::parse(Some("https://a.example.com/support")).unwrap();
        let other = BackendUrl::parse(Some("https://b.example.com/support")).unwrap();
        assert_ne!(shared_name(&one, "u1"), shared_name(&one, "u2"));
        assert_ne!(shared_name(&one, "u1"), shared_name(&other, "u1"));
        assert_eq!(shared_name(&one, "u1"), shared_name(&one, "u1"));
    }

    #[test]
    fn tabs_share_only_with_both_a_lock_and_a_channel() {
        assert!(shares(true, true));
        assert!(!shares(true, false));
        assert!(!shares(false, true));
    }

    #[test]
    fn what_is_shared_reads_back_as_it_was_written() {
        let mut leader = Leader::new("l".into());
        let unread = Unread {
            count: 1,
            requests: vec![UnreadRequest {
                id: "a".into(),
                reference: "SR-1".into(),
            }],
        };
        for shared in [
            leader.tell(event("7")),
            leader.tell(Told::Unread(unread)),
            leader.tell(Told::LookAgain),
            Shared::AskCount,
            Shared::Woke,
        ] {
            let text = json::to_string(&shared).unwrap();
            assert_eq!(json::from_str::<Shared>(&text), Ok(shared));
        }
        // A newer version's message is not read, and reaches no screen.
        assert!(json::from_str::<Shared>(r#"{"kind":"later"}"#).is_err());
    }

    #[test]
    fn a_follower_hears_the_leader_in_order_and_keeps_the_last_event() {
        let mut leader = Leader::new("l".into());
        let mut follower = Follower::default();
        for told in [event("7"), Told::LookAgain, event("9")] {
            let heard = follower.hear(leader.tell(told.clone())).unwrap();
            assert_eq!(
                heard,
                Heard {
                    told,
                    missed: false
                }
            );
        }
        assert_eq!(follower.last_id(), Some("9"));
        assert_eq!(follower.hear(Shared::AskCount), None);
        assert_eq!(follower.hear(Shared::Woke), None);
    }

    #[test]
    fn a_follower_that_missed_a_message_says_so_once() {
        let mut leader = Leader::new("l".into());
        let mut follower = Follower::default();
        follower.hear(leader.tell(event("1")));
        leader.tell(event("2"));
        let heard = follower.hear(leader.tell(event("3"))).unwrap();
        assert!(heard.missed);
        assert!(!follower.hear(leader.tell(event("4"))).unwrap().missed);
    }

    #[test]
    fn a_follower_joins_a_leader_midway_without_having_missed_anything() {
        let mut leader = Leader::new("l".into());
        for n in 0..5 {
            leader.tell(event(&n.to_string()));
        }
        let mut follower = Follower::default();
        assert!(!follower.hear(leader.tell(Told::LookAgain)).unwrap().missed);
    }

    #[test]
    fn a_new_leader_is_followed_from_its_first_message() {
        let mut first = Leader::new("first".into());
        let mut follower = Follower::default();
        follower.hear(first.tell(event("5")));
        let mut next = Leader::new("next".into());
        assert!(!follower.hear(next.tell(event("6"))).unwrap().missed);
        // A new leader's first message lost: something was missed.
        let mut third = Leader::new("third".into());
        third.tell(Told::LookAgain);
        assert!(follower.hear(third.tell(event("8"))).unwrap().missed);
    }

    #[test]
    fn a_count_or_a_look_again_leaves_the_resume_point_as_it_was() {
        let mut leader = Leader::new("l".into());
        let mut follower = Follower::default();
        follower.hear(leader.tell(event("3")));
        follower.hear(leader.tell(Told::Unread(Unread::default())));
        follower.hear(leader.tell(Told::Event(ServerEvent::default())));
        assert_eq!(follower.last_id(), Some("3"));
    }
}
