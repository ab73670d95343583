//! Who may do what: the matrix of `openapi.yaml`'s security section and of
//! docs, as plain rules. Reading one request or file is decided by
//! [`may_read`], whose "no" is a 404, so that ids do not reveal what exists.

use support_contract::RequestKind;

use super::{Caller, Identity, Role};

/// Something a caller asks to do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// `GET /services`, `/service-health`, `/articles`.
    ReadHelp,
    /// `GET /customers`.
    SearchCustomers,
    /// `POST /support-requests` of this kind.
    File(RequestKind),
    /// `GET /support-requests?filed_by=me` and `?reference=`.
    ListOwnRequests,
    /// `GET /support-requests/{id}` and `GET /attachments/{id}`; which
    /// ones is [`may_read`]'s to say.
    ReadRequest,
    /// `POST /attachments`.
    Upload,
    /// `POST /support-requests/{id}/replies`; on which requests is
    /// [`may_read`]'s to say: whoever may read a request may reply on it.
    Reply,
    /// `POST /support-requests/{id}/status`; partner staff on their
    /// customers' messages only ([`may_set_status`]).
    SetStatus,
    /// `GET /support-requests?kind=…`: every request of a kind, the
    /// partner's inbox of its customers' messages among them.
    ListByKind,
    /// `PUT` and `GET /catalogue/{kind}`.
    ManageCatalogue,
    /// `GET /events`: a signed-in user's changes as they happen; which
    /// requests is [`may_read`]'s to say.
    FollowRequests,
    /// `POST /support-requests/{id}/seen` and `GET /unread`: a signed-in
    /// user's own marks of what they have seen; on which requests is
    /// [`may_read`]'s to say.
    MarkSeen,
}

/// Why a caller may not.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Denied {
    /// No (usable) token: 401.
    Unauthenticated,
    /// A valid token whose role may not: 403.
    Forbidden,
}

/// Whether `caller` may do `action`.
pub fn check(caller: &Caller, action: Action) -> Result<(), Denied> {
    let allowed = match caller {
        Caller::Open => true,
        Caller::Anonymous => return Err(Denied::Unauthenticated),
        Caller::Visitor => match action {
            Action::ReadHelp
            | Action::File(RequestKind::CustomerSelfService)
            | Action::ReadRequest => true,
            _ => return Err(Denied::Unauthenticated),
        },
        Caller::User(identity) => user_may(identity, action),
    };
    if allowed {
        Ok(())
    } else {
        Err(Denied::Forbidden)
    }
}

fn user_may(identity: &Identity, action: Action) -> bool {
    let Some(role) = identity.role else {
        return false;
    };
    match (role, action) {
        (
            _,
            Action::ReadHelp
            | Action::ListOwnRequests
            | Action::ReadRequest
            | Action::Reply
            | Action::FollowRequests
            | Action::MarkSeen,
        ) => true,
        (Role::Customer, Action::Upload) => identity.customer_id.is_some(),
        (_, Action::Upload) => true,
        (Role::Partner | Role::Agent | Role::Admin, Action::SearchCustomers) => true,
        (Role::Partner | Role::Agent | Role::Admin, Action::SetStatus | Action::ListByKind) => true,
        (Role::Admin, Action::ManageCatalogue) => true,
        (Role::Partner, Action::File(RequestKind::PartnerCenter | RequestKind::Customer)) => true,
        (Role::Customer, Action::File(RequestKind::CustomerSelfService)) => {
            identity.customer_id.is_some()
        }
        _ => false,
    }
}

/// Whether `caller`, who may [`Action::ReadRequest`], may read a request (or
/// a file of it) that `filed_by` filed (`None`: filed without a token), by
/// [`readable`]'s rule.
pub fn may_read(caller: &Caller, filed_by: Option<&str>) -> bool {
    match readable(caller) {
        Readable::Every | Readable::Desk => true,
        Readable::FiledBy(filer) => filer == filed_by,
        Readable::Nothing => false,
    }
}

/// The requests a caller reads, as one condition on who filed them: what
/// [`may_read`] asks of one request, and what a stream of changes
/// ([`crate::live`]) asks of the database and the process's events.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Readable<'a> {
    Every,
    /// Those this subject filed; `None`: those filed without a token.
    FiledBy(Option<&'a str>),
    Nothing,
    /// 21Vianet's desk: every request of the default partner's, and every
    /// partner's requests to 21Vianet ([`crate::partner::desk`]).
    Desk,
}

/// Staff read every request; a user reads their own; a visitor of the
/// public help page reads one filed without a token, whose random id only
/// its sender was told. A user whose role this backend does not know reads
/// nothing, their own included.
pub fn readable(caller: &Caller) -> Readable<'_> {
    match caller {
        Caller::Open => Readable::Every,
        Caller::Anonymous => Readable::Nothing,
        Caller::Visitor => Readable::FiledBy(None),
        Caller::User(identity) => match identity.role {
            None => Readable::Nothing,
            Some(_) if caller.is_desk() => Readable::Desk,
            Some(role) if role.is_staff() => Readable::Every,
            Some(_) => Readable::FiledBy(Some(identity.sub.as_str())),
        },
    }
}

/// Whether `caller`, who may [`Action::SetStatus`], may move a request of
/// this kind on. Agents and admins move any; the partner's staff move the
/// messages their customers sent them (to mark one resolved once they have
/// answered it), and nobody else's: the partner's own requests and its
/// escalations are 21Vianet's to move.
pub fn may_set_status(caller: &Caller, kind: RequestKind) -> bool {
    match caller {
        Caller::User(Identity {
            role: Some(Role::Partner),
            ..
        }) => kind == RequestKind::CustomerSelfService,
        _ => true,
    }
}

/// Whether `caller`, who may [`Action::ListOwnRequests`], finds the request
/// of `kind` that `filed_by` filed by its reference. References are counted
/// up (`SR-000001`, `SR-000002`, …), so anyone could guess them: agents and
/// admins, who work on every request, find any; the partner's staff their
/// own and every customer's message (`customer_self_service`), which are
/// theirs to answer, as their inbox lists them; everyone else only their
/// own.
pub fn may_find_by_reference(caller: &Caller, filed_by: Option<&str>, kind: RequestKind) -> bool {
    match caller {
        Caller::Open => true,
        Caller::Anonymous | Caller::Visitor => false,
        Caller::User(identity) => match identity.role {
            None => false,
            Some(Role::Agent | Role::Admin) => true,
            Some(Role::Partner) if kind == RequestKind::CustomerSelfService => true,
            Some(_) => filed_by == Some(identity.sub.as_str()),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn user(role: Option<Role>, customer_id: Option<&str>) -> Caller {
        Caller::User(Identity {
            sub: "u1".into(),
            name: None,
            email: None,
            role,
            customer_id: customer_id.map(str::to_owned),
            expires_at: u64::MAX,
            partner: "default".into(),
        })
    }

    const KINDS: [RequestKind; 3] = [
        RequestKind::PartnerCenter,
        RequestKind::Customer,
        RequestKind::CustomerSelfService,
    ];

    #[test]
    fn partners_file_their_own_and_on_behalf_requests_and_search_customers() {
        let partner = user(Some(Role::Partner), None);
        assert_eq!(check(&partner, Action::SearchCustomers), Ok(()));
        assert_eq!(
            check(&partner, Action::File(RequestKind::PartnerCenter)),
            Ok(())
        );
        assert_eq!(check(&partner, Action::File(RequestKind::Customer)), Ok(()));
        assert_eq!(
            check(&partner, Action::File(RequestKind::CustomerSelfService)),
            Err(Denied::Forbidden)
        );
    }

    #[test]
    fn customers_message_their_partner_and_nothing_more() {
        let customer = user(Some(Role::Customer), Some("contoso"));
        assert_eq!(check(&customer, Action::ReadHelp), Ok(()));
        assert_eq!(check(&customer, Action::Upload), Ok(()));
        assert_eq!(
            check(&customer, Action::SearchCustomers),
            Err(Denied::Forbidden)
        );
        for kind in KINDS {
            let expected = match kind {
                RequestKind::CustomerSelfService => Ok(()),
                _ => Err(Denied::Forbidden),
            };
            assert_eq!(check(&customer, Action::File(kind)), expected, "{kind:?}");
        }
        // Without the customer it belongs to, a customer token files nothing.
        let nobody = user(Some(Role::Customer), None);
        assert_eq!(
            check(&nobody, Action::File(RequestKind::CustomerSelfService)),
            Err(Denied::Forbidden)
        );
    }

    #[test]
    fn agents_and_admins_read_but_do_not_file() {
        for role in [Role::Agent, Role::Admin] {
            let staff = user(Some(role), None);
            assert_eq!(check(&staff, Action::SearchCustomers), Ok(()));
            for kind in KINDS {
                assert_eq!(check(&staff, Action::File(kind)), Err(Denied::Forbidden));
            }
            assert!(may_read(&staff, Some("someone else")));
        }
    }

    #[test]
    fn an_unknown_role_may_do_nothing() {
        let stranger = user(None, None);
        for action in [
            Action::ReadHelp,
            Action::Upload,
            Action::ListOwnRequests,
            Action::ReadRequest,
            Action::FollowRequests,
            Action::MarkSeen,
        ] {
            assert_eq!(check(&stranger, action), Err(Denied::Forbidden));
        }
        // Not even what they filed while their role was known.
        assert!(!may_read(&stranger, Some("u1")));
        assert!(!may_read(&stranger, Some("u2")));
        assert!(!may_find_by_reference(
            &stranger,
            Some("u1"),
            RequestKind::CustomerSelfService
        ));
    }

    #[test]
    fn without_a_token_only_a_public_help_page_lets_visitors_in() {
        for action in [Action::ReadHelp, Action::SearchCustomers, Action::Upload] {
            assert_eq!(
                check(&Caller::Anonymous, action),
                Err(Denied::Unauthenticated)
            );
        }
        assert_eq!(check(&Caller::Visitor, Action::ReadHelp), Ok(()));
        assert_eq!(
            check(
                &Caller::Visitor,
                Action::File(RequestKind::CustomerSelfService)
            ),
            Ok(())
        );
        for action in [
            Action::SearchCustomers,
            Action::Upload,
            Action::ListOwnRequests,
            // Their request's random id is all they have; a stream would
            // tell of every request filed without a token.
            Action::FollowRequests,
            // Marks are a user's, by their token's subject.
            Action::MarkSeen,
            Action::File(RequestKind::PartnerCenter),
            Action::File(RequestKind::Customer),
        ] {
            assert_eq!(
                check(&Caller::Visitor, action),
                Err(Denied::Unauthenticated)
            );
        }
    }

    #[test]
    fn requests_are_read_by_their_filer_and_staff_only() {
        let customer = user(Some(Role::Customer), Some("contoso"));
        assert!(may_read(&customer, Some("u1")));
        assert!(!may_read(&customer, Some("u2")));
        assert!(!may_read(&customer, None));
        assert!(may_read(&user(Some(Role::Partner), None), Some("u2")));
        assert!(may_read(&Caller::Visitor, None));
        assert!(!may_read(&Caller::Visitor, Some("u1")));
        assert!(!may_read(&Caller::Anonymous, None));
        assert!(may_read(&Caller::Open, Some("u1")));
    }

    #[test]
    fn agents_and_admins_find_any_reference_and_others_their_own() {
        let find = |caller: &Caller, filed_by, kind| may_find_by_reference(caller, filed_by, kind);
        for role in [Role::Agent, Role::Admin] {
            for kind in KINDS {
                assert!(find(&user(Some(role), None), Some("u2"), kind));
            }
        }
        for (role, customer) in [(Role::Partner, None), (Role::Customer, Some("contoso"))] {
            let caller = user(Some(role), customer);
            for kind in KINDS {
                assert!(find(&caller, Some("u1"), kind), "{role:?}");
            }
            for kind in [RequestKind::PartnerCenter, RequestKind::Customer] {
                assert!(!find(&caller, Some("u2"), kind), "{role:?}");
                assert!(!find(&caller, None, kind), "{role:?}");
            }
        }
        assert!(!find(
            &Caller::Visitor,
            None,
            RequestKind::CustomerSelfService
        ));
        assert!(find(&Caller::Open, Some("u1"), RequestKind::PartnerCenter));
    }

    /// A customer's message is the partner's to answer: its staff find it
    /// by the reference the customer quotes, whoever sent it, signed in or
    /// not; another customer's user finds only their own.
    #[test]
    fn partner_staff_find_every_customers_message_by_its_reference() {
        let message = RequestKind::CustomerSelfService;
        let staff = user(Some(Role::Partner), None);
        assert!(may_find_by_reference(&staff, Some("u2"), message));
        assert!(may_find_by_reference(&staff, None, message));
        let customer = user(Some(Role::Customer), Some("contoso"));
        assert!(!may_find_by_reference(&customer, Some("u2"), message));
        assert!(!may_find_by_reference(&customer, None, message));
    }
}
